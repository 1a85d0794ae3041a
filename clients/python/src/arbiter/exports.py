"""Exports: training datasets written by the worker, downloaded and read with their checksums."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from .checksum import VerifyingReader, matches
from .fields import timestamp
from .models import ExportFile
from .transport import Transport
from .waiting import wait_for

MANIFEST = "manifest.json"


@dataclass
class Export:
    id: str
    project_id: str
    #: trl, hh, openai-dpo, ranked or raw.
    format: str
    #: QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.
    status: str
    #: From 0 to 1 while it runs.
    progress: float
    row_count: int | None
    #: Every file once it has SUCCEEDED: one per split, README.md (the dataset card), manifest.json.
    files: list[ExportFile]
    error: str | None
    #: The parameters it was made with, defaults filled in (the API's camelCase names).
    params: dict[str, Any]
    created_at: datetime | None
    finished_at: datetime | None
    raw: dict[str, Any] = field(repr=False)
    _http: Transport | None = field(default=None, repr=False, compare=False)
    _manifest: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: dict[str, Any], http: Transport | None = None) -> Export:
        return cls(
            id=data["id"],
            project_id=data["projectId"],
            format=data["format"],
            status=data["status"],
            progress=data.get("progress", 0.0),
            row_count=data.get("rowCount"),
            files=[ExportFile.from_json(f) for f in data.get("files", [])],
            error=data.get("error"),
            params=data.get("params", {}),
            created_at=timestamp(data.get("createdAt")),
            finished_at=timestamp(data.get("finishedAt")),
            raw=data,
            _http=http,
        )

    def _transport(self) -> Transport:
        if self._http is None:
            raise RuntimeError("this export was not read through an Arbiter client")
        return self._http

    def refresh(self) -> Export:
        """The export as it is now."""
        data = self._transport().json("GET", f"/api/v1/exports/{quote(self.id, safe='')}")
        return Export.from_json(data["export"], self._http)

    def wait(
        self,
        *,
        timeout: float | None = None,
        interval: float = 1.0,
        on_progress: Callable[[Export], None] | None = None,
    ) -> Export:
        """Polls until the export has finished; raises JobFailedError unless it SUCCEEDED."""
        return wait_for(
            self,
            "export",
            lambda e: e.error,
            timeout=timeout,
            interval=interval,
            on_progress=on_progress,
        )

    @property
    def splits(self) -> list[str]:
        """The splits it holds, e.g. ``["train", "test"]``."""
        return [f.split for f in self.files if f.split is not None]

    def manifest(self) -> dict[str, Any]:
        """manifest.json: parameters, counts and every file's size and SHA-256 (read once, checked
        against the checksum the export's record gives it)."""
        return json.loads(self._manifest_bytes())

    def _manifest_bytes(self) -> bytes:
        if self._manifest is None:
            entry = next((f for f in self.files if f.name == MANIFEST), None)
            if entry is None:
                raise ValueError(f"export {self.id} is {self.status}: it has no files yet (wait for it)")
            self._manifest = self._read_whole(entry)
        return self._manifest

    def manifest_files(self) -> list[ExportFile]:
        """The files the manifest describes: the data files and README.md."""
        return [ExportFile.from_json(f) for f in self.manifest()["files"]]

    def rows(self, split: str = "train") -> Iterator[dict[str, Any]]:
        """The rows of one split, one dict per line, streamed from the API (never held whole).

        The file's SHA-256 is checked against the manifest as it streams by; ChecksumError is
        raised after the last row when the bytes differ, so a consumer that reads to the end
        never trains on a damaged file unawares.
        """
        entry = next((f for f in self.manifest_files() if f.split == split), None)
        if entry is None:
            raise ValueError(f"export {self.id} has no split {split!r}; it has {self.splits}")
        stream = self._open(entry)
        try:
            gzipped = entry.name.endswith(".gz")
            binary = gzip.GzipFile(fileobj=stream) if gzipped else io.BufferedReader(stream)
            for line in io.TextIOWrapper(binary, encoding="utf-8"):
                if line.strip():
                    yield json.loads(line)
            stream.verify()
        finally:
            stream.close()

    def download(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Writes every file of the export into ``directory`` (created if missing) and returns
        their paths, manifest.json last. Each file is checked against the manifest's SHA-256;
        files already there with the right bytes are not fetched again."""
        target = Path(directory)
        target.mkdir(parents=True, exist_ok=True)
        manifest = self._manifest_bytes()
        paths: list[Path] = []
        for entry in self.manifest_files():
            dest = target / _safe_name(entry.name)
            if not matches(dest, entry.sha256, entry.size):
                part = dest.with_name(dest.name + ".part")
                try:
                    with self._open(entry) as source, part.open("wb") as out:
                        shutil.copyfileobj(source, out, 1 << 20)
                        source.verify()
                    os.replace(part, dest)
                finally:
                    part.unlink(missing_ok=True)
            paths.append(dest)
        manifest_path = target / MANIFEST
        manifest_path.write_bytes(manifest)
        paths.append(manifest_path)
        return paths

    def _open(self, entry: ExportFile) -> VerifyingReader:
        path = f"/api/v1/exports/{quote(self.id, safe='')}/files/{quote(entry.name, safe='')}"
        stream = self._transport().open_file(path, entry.size)
        return VerifyingReader(stream, entry.name, entry.sha256, entry.size)

    def _read_whole(self, entry: ExportFile) -> bytes:
        with self._open(entry) as stream:
            data = stream.readall()
            stream.verify()
        return data

def _safe_name(name: str) -> str:
    """A file name from the server, refused if it could write outside the target folder."""
    if not name or name.startswith(".") or "/" in name or "\\" in name:
        raise ValueError(f"refusing to write an export file named {name!r}")
    return name
