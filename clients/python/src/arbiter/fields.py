"""Python's keyword arguments as the API's JSON fields, and the API's JSON as Python values."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Mapping


def camel(name: str) -> str:
    """``judgments_per_item`` -> ``judgmentsPerItem``; ``from_`` -> ``from`` (a Python keyword)."""
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def camel_fields(options: Mapping[str, Any]) -> dict[str, Any]:
    """Top-level keyword arguments renamed for the API; values (nested objects) go as they are.

    Unknown names are not filtered here: the API refuses them with a 400 naming the field, so
    a typo never passes silently.
    """
    return {camel(key): value for key, value in options.items()}


_ZULU = re.compile(r"Z$")


def timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 time of the API (``2024-05-01T12:00:00.000Z``) as an aware datetime."""
    if value is None:
        return None
    # fromisoformat reads "Z" only from Python 3.11 on.
    return datetime.fromisoformat(_ZULU.sub("+00:00", value))
