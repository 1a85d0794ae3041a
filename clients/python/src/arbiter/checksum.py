"""SHA-256 checks of export files, over a stream as it is read or over a file on disk."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Protocol

from .errors import ChecksumError

_CHUNK = 1 << 20


class Source(Protocol):
    def read(self, size: int = -1, /) -> bytes | None: ...

    def close(self) -> None: ...


class VerifyingReader(io.RawIOBase):
    """Passes bytes through while hashing them; ``verify()`` then compares with the manifest.

    The check can only happen once every byte has gone by, so a caller streaming rows out of
    the file learns of a mismatch at the end: ``verify()`` reads whatever is left first.
    """

    def __init__(self, raw: Source, name: str, sha256: str, size: int) -> None:
        super().__init__()
        self._raw = raw
        self._name = name
        self._expected = sha256
        self._expected_size = size
        self._hash = hashlib.sha256()
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self._raw.read(len(view))
        if not data:
            return 0
        view[: len(data)] = data
        self._hash.update(data)
        self._size += len(data)
        return len(data)

    def verify(self) -> None:
        """Reads to the end, then raises ChecksumError unless the bytes are the manifest's."""
        while self.read(_CHUNK):
            pass
        check(self._name, self._expected, self._expected_size, self._hash.hexdigest(), self._size)

    def close(self) -> None:
        self._raw.close()
        super().close()


def file_sha256(path: Path) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file on disk."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(_CHUNK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def matches(path: Path, sha256: str, size: int) -> bool:
    """Whether a file on disk holds exactly the bytes described (a download already done)."""
    if not path.is_file() or path.stat().st_size != size:
        return False
    return file_sha256(path)[0] == sha256.lower()


def check(name: str, expected: str, expected_size: int, actual: str, actual_size: int) -> None:
    if actual != expected.lower() or actual_size != expected_size:
        raise ChecksumError(name, expected, actual, expected_size, actual_size)
