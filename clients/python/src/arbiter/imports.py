"""Prompt and completion imports: records sent as JSONL uploads, chunk by chunk."""

from __future__ import annotations

import json
import secrets
from typing import Any, Iterable, Iterator, Mapping, Sequence, Union, cast

from .models import ImportResult
from .transport import Transport

#: A prompt: its text, its messages (``[{"role": "user", "content": ...}, ...]``), or a record
#: of the import format (``{"text" | "messages", "externalId"?, "metadata"?}``).
PromptRecord = Union[str, Sequence[Mapping[str, Any]], Mapping[str, Any]]

# Well under the API's default upload limit (20 MiB), so that a chunk of long conversations
# is sent in several requests rather than refused.
MAX_CHUNK_BYTES = 8 * 1024 * 1024


def prompt_line(record: object, position: int) -> Mapping[str, Any]:
    """One prompt (a PromptRecord) as a record of the import format; ``position`` (1-based)
    names it in errors. Checked at run time: notebooks pass whatever a dataset holds."""
    if isinstance(record, str):
        return {"text": record}
    if isinstance(record, Mapping):
        return cast("Mapping[str, Any]", record)
    if isinstance(record, Sequence) and not isinstance(record, (bytes, bytearray)):
        return {"messages": list(cast("Sequence[Any]", record))}
    raise TypeError(
        f"prompt {position}: expected a string, a list of messages or a dict, got {type(record).__name__}"
    )


def chunks(
    lines: Iterable[bytes], chunk_size: int, max_bytes: int = MAX_CHUNK_BYTES
) -> Iterator[list[bytes]]:
    """Consecutive runs of at most ``chunk_size`` lines and about ``max_bytes`` bytes (a single
    longer line goes alone; the API then says whether it is too large)."""
    chunk: list[bytes] = []
    size = 0
    for line in lines:
        if chunk and (len(chunk) >= chunk_size or size + len(line) > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(line)
        size += len(line)
    if chunk:
        yield chunk


def jsonl(records: Iterable[Mapping[str, Any]]) -> Iterator[bytes]:
    # JSON escapes every line break inside strings, so each record is exactly one line.
    for record in records:
        yield json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def run_import(
    http: Transport,
    path: str,
    records: Iterable[Mapping[str, Any]],
    *,
    chunk_size: int,
    dry_run: bool,
) -> ImportResult:
    """Uploads the records chunk by chunk in ``partial`` mode: good records are written, refused
    ones come back with their reasons. Chunks are separate requests, so a failure part-way leaves
    the earlier chunks imported; importing again reports them as duplicates."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    result = ImportResult(dry_run=dry_run)
    first_line = 1
    for chunk in chunks(jsonl(records), chunk_size):
        body, content_type = multipart_file("file", "records.jsonl", b"".join(chunk))
        with http.send(
            "POST",
            path,
            query={"format": "jsonl", "mode": "partial", "dryRun": dry_run},
            data=body,
            headers={"Content-Type": content_type},
        ) as response:
            result.add_chunk(json.loads(response.read()), first_line)
        first_line += len(chunk)
    return result


def multipart_file(field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body holding one file, and its Content-Type header."""
    boundary = f"arbiter-{secrets.token_hex(16)}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        "Content-Type: application/x-ndjson\r\n\r\n"
    ).encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"
