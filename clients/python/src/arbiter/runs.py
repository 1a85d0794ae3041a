"""Generation runs: every prompt x generator x sample, produced by the worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable
from urllib.parse import quote

from .fields import timestamp
from .transport import Transport
from .waiting import wait_for


@dataclass
class RunError:
    """One of a run's latest failures; ``final`` when the sample will not be tried again."""

    prompt_id: str
    generator_id: str
    sample_index: int
    message: str
    final: bool


@dataclass
class GenerationRun:
    id: str
    project_id: str
    #: QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.
    status: str
    generator_ids: list[str]
    samples_per_prompt: int
    total: int
    pending: int
    done: int
    failed: int
    cancelled: int
    last_errors: list[RunError]
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    raw: dict[str, Any] = field(repr=False)
    _http: Transport | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: dict[str, Any], http: Transport | None = None) -> GenerationRun:
        return cls(
            id=data["id"],
            project_id=data["projectId"],
            status=data["status"],
            generator_ids=data.get("generatorIds", []),
            samples_per_prompt=data.get("samplesPerPrompt", 1),
            total=data["total"],
            pending=data.get("pending", 0),
            done=data.get("done", 0),
            failed=data.get("failed", 0),
            cancelled=data.get("cancelled", 0),
            last_errors=[
                RunError(
                    prompt_id=e["promptId"],
                    generator_id=e["generatorId"],
                    sample_index=e["sampleIndex"],
                    message=e["message"],
                    final=e.get("final", False),
                )
                for e in data.get("lastErrors", [])
            ],
            created_at=timestamp(data.get("createdAt")),
            started_at=timestamp(data.get("startedAt")),
            finished_at=timestamp(data.get("finishedAt")),
            raw=data,
            _http=http,
        )

    @property
    def _path(self) -> str:
        return f"/api/v1/projects/{quote(self.project_id, safe='')}/generation-runs/{quote(self.id, safe='')}"

    def _transport(self) -> Transport:
        if self._http is None:
            raise RuntimeError("this run was not read through an Arbiter client")
        return self._http

    def refresh(self) -> GenerationRun:
        """The run as it is now."""
        return GenerationRun.from_json(self._transport().json("GET", self._path)["run"], self._http)

    def wait(
        self,
        *,
        timeout: float | None = None,
        interval: float = 1.0,
        on_progress: Callable[[GenerationRun], None] | None = None,
    ) -> GenerationRun:
        """Polls until the run has finished; raises JobFailedError unless it SUCCEEDED."""
        return wait_for(
            self,
            "generation run",
            lambda run: "; ".join(e.message for e in run.last_errors) or None,
            timeout=timeout,
            interval=interval,
            on_progress=on_progress,
        )

    def cancel(self) -> GenerationRun:
        """Cancels the run; completions already stored stay."""
        return GenerationRun.from_json(
            self._transport().json("POST", f"{self._path}/cancel")["run"], self._http
        )
