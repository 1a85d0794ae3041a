"""What the API returns, as dataclasses built from its JSON.

Each is built from the fields it names and ignores the rest, so a newer server that adds fields
still works; ``raw`` keeps the whole JSON object for anything not modelled here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .fields import timestamp


@dataclass
class Refusal:
    """A record the API refused to import. ``line`` is its 1-based position in what was passed."""

    line: int
    reason: str


@dataclass
class ImportResult:
    """The sum over every chunk sent: records read, imported, already there, and refused."""

    lines: int = 0
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    refusals: list[Refusal] = field(default_factory=list[Refusal])
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        """True when no record was refused."""
        return self.rejected == 0

    def add_chunk(self, data: dict[str, Any], first_line: int) -> None:
        """Adds one chunk's answer; its line numbers (1-based within the chunk) become global."""
        self.lines += data["lines"]
        self.imported += data["imported"]
        self.duplicates += data["duplicates"]
        self.rejected += data["rejected"]
        self.refusals.extend(Refusal(first_line + r["line"] - 1, r["reason"]) for r in data["rejects"])


@dataclass
class Prompt:
    id: str
    external_id: str | None
    preview: str
    completions: int
    created_at: datetime | None
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Prompt:
        return cls(
            id=data["id"],
            external_id=data.get("externalId"),
            preview=data.get("preview", ""),
            completions=data.get("completions", 0),
            created_at=timestamp(data.get("createdAt")),
            raw=data,
        )


@dataclass
class Generator:
    """An OpenAI-compatible endpoint and model that generates completions for a project."""

    id: str
    name: str
    base_url: str
    model: str
    mode: str
    params: dict[str, Any]
    concurrency: int
    api_key_set: bool
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Generator:
        return cls(
            id=data["id"],
            name=data["name"],
            base_url=data["baseUrl"],
            model=data["model"],
            mode=data.get("mode", "chat"),
            params=data.get("params", {}),
            concurrency=data.get("concurrency", 1),
            api_key_set=data.get("apiKeySet", False),
            raw=data,
        )


@dataclass
class ItemBuildResult:
    """Items built from stored completions; building again adds only what is missing."""

    created: int
    existing: int
    skipped_identical: int
    prompts: int
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ItemBuildResult:
        return cls(
            created=data["created"],
            existing=data["existing"],
            skipped_identical=data.get("skippedIdentical", 0),
            prompts=data.get("prompts", 0),
            raw=data,
        )


@dataclass
class Progress:
    """How far a project's collection has come (from its statistics)."""

    items_total: int
    items_complete: int
    items_in_progress: int
    items_untouched: int
    remaining_judgments: int
    judgments: int
    rate_per_hour: float
    projected_hours_to_finish: float | None
    active_annotators_last_day: int
    active_annotators_last_week: int
    raw: dict[str, Any] = field(repr=False)

    @property
    def fraction_complete(self) -> float:
        """Complete items over all items (0 for a project without items)."""
        return self.items_complete / self.items_total if self.items_total else 0.0

    @classmethod
    def from_json(cls, stats: dict[str, Any]) -> Progress:
        progress = stats["progress"]
        items = progress["items"]
        active = progress.get("activeAnnotators", {})
        return cls(
            items_total=items["total"],
            items_complete=items["complete"],
            items_in_progress=items.get("inProgress", 0),
            items_untouched=items.get("untouched", 0),
            remaining_judgments=progress["remainingJudgments"],
            judgments=stats.get("judgments", 0),
            rate_per_hour=progress.get("ratePerHour", 0.0),
            projected_hours_to_finish=progress.get("projectedHoursToFinish"),
            active_annotators_last_day=active.get("lastDay", 0),
            active_annotators_last_week=active.get("lastWeek", 0),
            raw=stats,
        )


@dataclass
class ExportFile:
    """One file of a finished export, as its manifest describes it."""

    name: str
    #: The split a data file holds (``train``, ``test``, ...); None for README.md and manifest.json.
    split: str | None
    rows: int
    size: int
    sha256: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExportFile:
        return cls(
            name=data["name"],
            split=data.get("split"),
            rows=data.get("rows", 0),
            size=data["bytes"],
            sha256=data["sha256"],
        )
