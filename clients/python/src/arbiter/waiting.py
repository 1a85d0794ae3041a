"""Polling a job (a generation run, an export) until it has finished."""

from __future__ import annotations

import time
from typing import Callable, Protocol, TypeVar

from .errors import JobFailedError

FINISHED = frozenset({"SUCCEEDED", "FAILED", "CANCELLED"})


class Job(Protocol):
    id: str
    status: str

    def refresh(self) -> Job: ...


J = TypeVar("J", bound=Job)


def wait_for(
    job: J,
    kind: str,
    error: Callable[[J], str | None],
    *,
    timeout: float | None,
    interval: float,
    on_progress: Callable[[J], None] | None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> J:
    """Reads the job again every ``interval`` seconds until it has finished and returns it,
    calling ``on_progress`` with every state read.

    Raises JobFailedError when it ended FAILED or CANCELLED, and TimeoutError after ``timeout``
    seconds (the job itself goes on either way).
    """
    deadline = None if timeout is None else clock() + timeout
    while True:
        job = job.refresh()  # type: ignore[assignment]
        if on_progress is not None:
            on_progress(job)
        if job.status in FINISHED:
            if job.status != "SUCCEEDED":
                raise JobFailedError(kind, job.id, job.status, error(job), job)
            return job
        if deadline is not None and clock() + interval > deadline:
            raise TimeoutError(f"{kind} {job.id} is still {job.status} after {timeout} s")
        sleep(interval)
