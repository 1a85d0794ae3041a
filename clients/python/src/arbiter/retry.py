"""When a request may be sent again, and how long to wait first. Pure: the transport asks."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable, Mapping

# Methods a second delivery cannot duplicate. A POST is repeated only with an Idempotency-Key:
# the API stores such a request once, however often it arrives.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class RetryPolicy:
    """Retries of network errors, 5xx and 429, with exponential backoff and full jitter."""

    #: Attempts after the first; 0 turns retrying off.
    retries: int = 3
    #: The first backoff in seconds; it doubles with each attempt.
    base_delay: float = 0.25
    #: The longest wait between attempts, Retry-After included; a longer Retry-After ends retrying.
    max_delay: float = 30.0


def may_repeat(method: str, headers: Mapping[str, str]) -> bool:
    """Whether sending this request twice is harmless."""
    if method.upper() in IDEMPOTENT_METHODS:
        return True
    return any(name.lower() == "idempotency-key" for name in headers)


def is_retryable_status(status: int) -> bool:
    """A status that another attempt may turn into a success: the server's trouble, or too many requests."""
    return status >= 500 or status == 429


def backoff(attempt: int, policy: RetryPolicy, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (0 for the first)."""
    return rand() * min(policy.max_delay, policy.base_delay * 2**attempt)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After in seconds, given as seconds or as an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        at = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return max(0.0, (at - (now or datetime.now(timezone.utc))).total_seconds())


def delay_after_status(
    attempt: int,
    policy: RetryPolicy,
    retry_after: str | None,
    rand: Callable[[], float] = random.random,
) -> float | None:
    """Seconds to wait before repeating a request answered 5xx or 429, or None to stop retrying.

    What the server asks for (Retry-After) wins over the backoff curve; a server asking for
    longer than the policy's longest wait is taken at its word, and the answer is returned.
    """
    asked = retry_after_seconds(retry_after)
    if asked is None:
        return backoff(attempt, policy, rand)
    return asked if asked <= policy.max_delay else None
