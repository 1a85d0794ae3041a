"""A project and what a researcher does with it: prompts, generation, items, progress, exports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, Union
from urllib.parse import quote

from .exports import Export
from .fields import camel_fields, timestamp
from .imports import PromptRecord, prompt_line, run_import
from .models import Generator, ImportResult, ItemBuildResult, Progress, Prompt
from .runs import GenerationRun
from .transport import Transport

#: A generator by its object, its id or its name in the project.
GeneratorRef = Union[Generator, str]

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


@dataclass
class ProjectCounts:
    prompts: int
    items: int
    complete_items: int
    judgments: int


@dataclass
class Project:
    id: str
    slug: str
    name: str
    #: pairwise or ranking.
    task_type: str
    #: ACTIVE, PAUSED or ARCHIVED.
    status: str
    options_per_item: int
    judgments_per_item: int
    guidelines: str
    #: The caller's role in it: OWNER, RESEARCHER or VIEWER (admins: OWNER).
    my_role: str | None
    counts: ProjectCounts | None
    created_at: datetime | None
    updated_at: datetime | None
    raw: dict[str, Any] = field(repr=False)
    _http: Transport | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: dict[str, Any], http: Transport | None = None) -> Project:
        counts = data.get("counts")
        return cls(
            id=data["id"],
            slug=data.get("slug", ""),
            name=data["name"],
            task_type=data.get("taskType", "pairwise"),
            status=data.get("status", "ACTIVE"),
            options_per_item=data.get("optionsPerItem", 2),
            judgments_per_item=data.get("judgmentsPerItem", 1),
            guidelines=data.get("guidelines", ""),
            my_role=data.get("myRole"),
            counts=None
            if counts is None
            else ProjectCounts(
                prompts=counts.get("prompts", 0),
                items=counts.get("items", 0),
                complete_items=counts.get("completeItems", 0),
                judgments=counts.get("judgments", 0),
            ),
            created_at=timestamp(data.get("createdAt")),
            updated_at=timestamp(data.get("updatedAt")),
            raw=data,
            _http=http,
        )

    # -- plumbing ---------------------------------------------------------------------------

    def _transport(self) -> Transport:
        if self._http is None:
            raise RuntimeError("this project was not read through an Arbiter client")
        return self._http

    def _path(self, tail: str = "") -> str:
        return f"/api/v1/projects/{quote(self.id, safe='')}{tail}"

    def refresh(self) -> Project:
        """The project as it is now (counts included)."""
        return Project.from_json(self._transport().json("GET", self._path())["project"], self._http)

    # -- prompts and completions ------------------------------------------------------------

    def prompts(self, *, page_size: int = 50) -> Iterator[Prompt]:
        """Every prompt, newest first, fetched a page at a time as the loop asks for more."""
        for row in self._transport().pages(self._path("/prompts"), "prompts", {"limit": page_size}):
            yield Prompt.from_json(row)

    def import_prompts(
        self, prompts: Iterable[PromptRecord], *, chunk_size: int = 1000, dry_run: bool = False
    ) -> ImportResult:
        """Imports prompts: strings (the prompt's text), lists of messages
        (``[{"role": "user", "content": "..."}]``) or dicts of the import format
        (``{"text" | "messages", "externalId"?, "metadata"?}``), read lazily and sent in chunks.

        Records the API refuses are listed in ``refusals`` with their 1-based position and the
        reason; the others are imported (a prompt already in the project counts as a duplicate).
        ``dry_run`` checks everything and writes nothing.
        """
        records = (prompt_line(p, i) for i, p in enumerate(prompts, start=1))
        return run_import(
            self._transport(), self._path("/prompts/import"), records, chunk_size=chunk_size, dry_run=dry_run
        )

    def import_completions(
        self,
        completions: Iterable[Mapping[str, Any]],
        *,
        chunk_size: int = 1000,
        dry_run: bool = False,
    ) -> ImportResult:
        """Imports completions made elsewhere: dicts of the import format
        (``{"promptId" | "promptExternalId", "model", "text", "sampleIndex"?, "finishReason"?,
        "metadata"?}``), sent in chunks; refusals as for ``import_prompts``."""
        return run_import(
            self._transport(),
            self._path("/completions/import"),
            completions,
            chunk_size=chunk_size,
            dry_run=dry_run,
        )

    # -- generation ---------------------------------------------------------------------------

    def generators(self) -> list[Generator]:
        data = self._transport().json("GET", self._path("/generators"))
        return [Generator.from_json(g) for g in data["generators"]]

    def add_generator(self, name: str, base_url: str, model: str, **fields: Any) -> Generator:
        """Adds an OpenAI-compatible endpoint (``base_url`` ends in ``/v1``) and model. Further
        fields as keywords: ``mode``, ``params={"temperature": 0.7, "max_tokens": 512}``,
        ``api_key`` (stored encrypted, never shown again), ``concurrency``, ``requests_per_minute``."""
        body = {"name": name, "baseUrl": base_url, "model": model, **camel_fields(fields)}
        data = self._transport().json("POST", self._path("/generators"), body=body)
        return Generator.from_json(data["generator"])

    def generate(
        self,
        generators: Sequence[GeneratorRef],
        samples: int = 1,
        *,
        prompt_ids: Sequence[str] | None = None,
        wait: bool = True,
        on_progress: Callable[[GenerationRun], None] | None = None,
        timeout: float | None = None,
    ) -> GenerationRun:
        """Starts generating ``samples`` completions per prompt and generator (every prompt, or
        those of ``prompt_ids``). With ``wait`` it returns once the run has finished, calling
        ``on_progress`` with each state read, and raises JobFailedError if it failed."""
        body: dict[str, Any] = {"generatorIds": self._generator_ids(generators), "samplesPerPrompt": samples}
        if prompt_ids is not None:
            body["promptIds"] = list(prompt_ids)
        data = self._transport().json("POST", self._path("/generation-runs"), body=body)
        run = GenerationRun.from_json(data["run"], self._http)
        return run.wait(timeout=timeout, on_progress=on_progress) if wait else run

    def generation_runs(self) -> list[GenerationRun]:
        """The project's latest runs, newest first."""
        data = self._transport().json("GET", self._path("/generation-runs"))
        return [GenerationRun.from_json(r, self._http) for r in data["runs"]]

    def _generator_ids(self, refs: Sequence[GeneratorRef]) -> list[str]:
        if isinstance(refs, (str, Generator)):
            refs = [refs]
        by_name: dict[str, str] | None = None
        ids: list[str] = []
        for ref in refs:
            if isinstance(ref, Generator):
                ids.append(ref.id)
            elif _UUID.match(ref):
                ids.append(ref)
            else:
                if by_name is None:
                    by_name = {g.name: g.id for g in self.generators()}
                if ref not in by_name:
                    raise ValueError(
                        f"project {self.name!r} has no generator named {ref!r}; it has {sorted(by_name)}"
                    )
                ids.append(by_name[ref])
        return ids

    # -- items, progress, exports -----------------------------------------------------------------

    def build_items(
        self,
        strategy: str = "cross-generator",
        *,
        generators: Sequence[GeneratorRef] | None = None,
        run: GenerationRun | str | None = None,
        **options: Any,
    ) -> ItemBuildResult:
        """Builds items from the stored completions: ``cross-generator`` pairs, ``same-generator``
        pairs or ``k-wise`` sets; only from ``generators`` or from one ``run`` when given. More
        options as keywords (``k``, ``max_per_prompt``, ``skip_identical``). Idempotent."""
        body: dict[str, Any] = {"strategy": strategy, **camel_fields(options)}
        if generators is not None:
            body["generatorIds"] = self._generator_ids(generators)
        if run is not None:
            body["runId"] = run.id if isinstance(run, GenerationRun) else run
        data = self._transport().json("POST", self._path("/items/build"), body=body)
        return ItemBuildResult.from_json(data)

    def progress(self) -> Progress:
        """Items complete, judgments still wanted, the pace and the projected time to finish."""
        return Progress.from_json(self._transport().json("GET", self._path("/stats"))["stats"])

    def export(
        self,
        format: str = "trl",
        split: str | Mapping[str, float] | None = None,
        *,
        wait: bool = True,
        on_progress: Callable[[Export], None] | None = None,
        timeout: float | None = None,
        **options: Any,
    ) -> Export:
        """Starts an export of the judgments as a training dataset: ``trl``, ``hh``,
        ``openai-dpo``, ``kto``, ``ranked`` or ``raw``. ``split`` is ``"train=0.9,test=0.1"`` or
        ``{"train": 0.9, "test": 0.1}`` (default: everything in train). Further options as
        keywords, e.g. ``aggregation="dawid-skene"``, ``min_confidence=0.9``, ``from_=...``,
        ``include={"margin": True}``. With ``wait`` it returns the finished export and raises
        JobFailedError if it failed."""
        body: dict[str, Any] = {"format": format, **camel_fields(options)}
        if split is not None:
            body["splits"] = parse_splits(split)
        data = self._transport().json("POST", self._path("/exports"), body=body)
        started = Export.from_json(data["export"], self._http)
        return started.wait(timeout=timeout, on_progress=on_progress) if wait else started

    def exports(self, *, page_size: int = 50) -> Iterator[Export]:
        """The project's exports, newest first."""
        for row in self._transport().pages(self._path("/exports"), "exports", {"limit": page_size}):
            yield Export.from_json(row, self._http)


def parse_splits(split: str | Mapping[str, float]) -> dict[str, float]:
    """``"train=0.9,test=0.1"`` (as the CLI takes it) or a mapping, as the API's ``splits``."""
    if isinstance(split, Mapping):
        return dict(split)
    out: dict[str, float] = {}
    for part in split.split(","):
        name, sep, fraction = part.partition("=")
        try:
            if not sep:
                raise ValueError
            out[name.strip()] = float(fraction)
        except ValueError:
            raise ValueError(
                f"split: expected name=fraction pairs like 'train=0.9,test=0.1', got {split!r}"
            ) from None
    return out
