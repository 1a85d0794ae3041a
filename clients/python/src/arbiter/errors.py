"""What the client raises: the API's refusals, jobs that did not succeed, bytes that do not match."""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, cast


class ArbiterException(Exception):
    """The base of everything this package raises on purpose."""


class ArbiterError(ArbiterException):
    """A non-2xx answer of the API, with the code, message and details it gave.

    ``details`` is whatever the API put there; for ``validation_error`` (400) it is a list of
    ``{"path": ..., "message": ...}``, one per failing field.
    """

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    @property
    def fields(self) -> list[str]:
        """The request fields a validation error names, e.g. ``["body.judgmentsPerItem"]``."""
        details: Any = self.details
        if not isinstance(details, list):
            return []
        entries = cast("list[Any]", details)
        return [
            str(cast(Mapping[str, Any], d)["path"]) for d in entries if isinstance(d, Mapping) and "path" in d
        ]

    @classmethod
    def from_response(cls, status: int, reason: str, body: bytes) -> ArbiterError:
        """Builds the error from an answer whose body may or may not be the API's error shape."""
        error = _error_object(body)
        if isinstance(error.get("code"), str) and isinstance(error.get("message"), str):
            return cls(status, error["code"], error["message"], error.get("details"))
        # A proxy in front of the API (or a route outside it) can answer with anything.
        text = body[:200].decode("utf-8", "replace").strip()
        return cls(status, f"http_{status}", text or reason or "Request failed")


class JobFailedError(ArbiterException):
    """A generation run or an export that was waited for ended FAILED or CANCELLED."""

    def __init__(self, kind: str, job_id: str, status: str, error: str | None, job: object) -> None:
        detail = f": {error}" if error else ""
        super().__init__(f"{kind} {job_id} ended {status}{detail}")
        self.status = status
        self.error = error
        #: The finished GenerationRun or Export, as last read.
        self.job = job


class ChecksumError(ArbiterException):
    """A downloaded file's bytes are not those the export's manifest describes."""

    def __init__(self, name: str, expected: str, actual: str, expected_size: int, actual_size: int) -> None:
        super().__init__(
            f"{name}: sha256 {actual} over {actual_size} bytes, the manifest says {expected} over"
            f" {expected_size} bytes"
        )
        self.name = name
        self.expected = expected
        self.actual = actual



def _error_object(body: bytes) -> dict[str, Any]:
    """The ``error`` object of an answer's JSON body, or an empty one."""
    try:
        parsed: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    error: Any = cast(Dict[str, Any], parsed).get("error") if isinstance(parsed, dict) else None
    return cast(Dict[str, Any], error) if isinstance(error, dict) else {}
