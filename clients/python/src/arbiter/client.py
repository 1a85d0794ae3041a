"""The entry point: ``Arbiter(url, api_key)``."""

from __future__ import annotations

from typing import Any, Iterator, Mapping
from urllib.parse import quote

from .exports import Export
from .fields import camel_fields
from .project import Project
from .retry import RetryPolicy
from .transport import Query, Transport


class Arbiter:
    """A client of one Arbiter server, authenticated with an API key (create one on the web
    app's API keys page).

    ``timeout`` is the socket timeout of each request in seconds. ``retries`` is how often a
    request is sent again after a network error, a 5xx or a 429, with exponential backoff
    (Retry-After honoured; a RetryPolicy sets the curve too), and only a request a repeat
    cannot duplicate: GET, PUT and DELETE, and POSTs carrying an Idempotency-Key. Every other
    non-2xx answer raises ArbiterError; a server out of reach raises urllib's URLError.
    """

    def __init__(
        self, url: str, api_key: str, *, timeout: float = 60.0, retries: int | RetryPolicy = 3
    ) -> None:
        policy = retries if isinstance(retries, RetryPolicy) else RetryPolicy(retries=retries)
        self._http = Transport(url, api_key, timeout=timeout, policy=policy)

    def __repr__(self) -> str:
        return f"Arbiter({self._http.base_url!r})"

    @property
    def url(self) -> str:
        return self._http.base_url

    def projects(self, *, status: str | None = None, page_size: int = 50) -> Iterator[Project]:
        """The projects the key's owner may see, newest first, fetched a page at a time as the
        loop asks for more; ``status`` is ACTIVE, PAUSED or ARCHIVED."""
        for row in self._http.pages("/api/v1/projects", "projects", {"limit": page_size, "status": status}):
            yield Project.from_json(row, self._http)

    def project(self, project_id: str) -> Project:
        data = self._http.json("GET", f"/api/v1/projects/{quote(project_id, safe='')}")
        return Project.from_json(data["project"], self._http)

    def create_project(self, name: str, **fields: Any) -> Project:
        """Creates a project owned by the key's owner. Fields as keywords, in snake_case:
        ``task_type`` (pairwise or ranking), ``guidelines``, ``judgments_per_item``,
        ``options_per_item``, ``pool_ids``, ``questions={...}``, ``quality={...}`` (nested
        objects with the API's own camelCase names). The API refuses an unknown field with a 400
        naming it."""
        data = self._http.json("POST", "/api/v1/projects", body={"name": name, **camel_fields(fields)})
        return Project.from_json(data["project"], self._http)

    def export(self, export_id: str) -> Export:
        """One export by its id, e.g. to read the rows of an export someone else started."""
        data = self._http.json("GET", f"/api/v1/exports/{quote(export_id, safe='')}")
        return Export.from_json(data["export"], self._http)

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Any route of the API (``path`` from ``/api/v1``), with the same auth, retries and
        errors; returns the answer's JSON."""
        return self._http.json(method, path, query=query, body=json, headers=headers)
