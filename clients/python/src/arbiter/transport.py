"""HTTP to the API with the standard library: Bearer auth, JSON, the API's errors, retries."""

from __future__ import annotations

import http.client
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Iterator, Mapping

from ._version import __version__
from .errors import ArbiterError
from .retry import RetryPolicy, backoff, delay_after_status, is_retryable_status, may_repeat

# What a dropped or refused connection looks like from urllib and http.client.
NETWORK_ERRORS = (urllib.error.URLError, OSError, http.client.HTTPException)

Query = Mapping[str, "str | int | float | bool | None"]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """The API never redirects; following one would send the API key to wherever it points."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Transport:
    """One API server and one API key. Requests that may be repeated are, on network errors, 5xx
    and 429 (see RetryPolicy); anything else that is not 2xx raises ArbiterError."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"url must start with http:// or https://, got {base_url!r}")
        if not api_key:
            raise ValueError("api_key is empty")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.policy = policy
        self.sleep = sleep
        self._headers = {
            "Authorization": f"Bearer {api_key}",
            "Accept": "application/json",
            "User-Agent": f"arbiter-python/{__version__}",
        }
        self._opener = urllib.request.build_opener(_NoRedirects())

    def __repr__(self) -> str:
        # Never the key: a transport printed in a notebook or a log shows where it points only.
        return f"Transport({self.base_url!r})"

    def url(self, path: str, query: Query | None = None) -> str:
        pairs = {k: _query_value(v) for k, v in (query or {}).items() if v is not None}
        return self.base_url + path + (f"?{urllib.parse.urlencode(pairs)}" if pairs else "")

    def json(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Sends a request (``body`` as JSON when given) and returns the answer's JSON (None for 204)."""
        data = None
        extra = dict(headers or {})
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            extra["Content-Type"] = "application/json"
        with self.send(method, path, query=query, data=data, headers=extra) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def send(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> http.client.HTTPResponse:
        """Sends a request and returns the open 2xx answer (the caller reads and closes it)."""
        url = self.url(path, query)
        all_headers = {**self._headers, **(headers or {})}
        repeatable = may_repeat(method, all_headers)
        attempt = 0
        while True:
            last = not repeatable or attempt >= self.policy.retries
            request = urllib.request.Request(url, data=data, headers=all_headers, method=method)
            try:
                return self._opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as err:
                body = _read_quietly(err)
                wait = None if last or not is_retryable_status(err.code) else delay_after_status(
                    attempt, self.policy, err.headers.get("Retry-After")
                )
                if wait is None:
                    raise ArbiterError.from_response(err.code, str(err.reason), body) from None
            except NETWORK_ERRORS:
                if last:
                    raise
                wait = backoff(attempt, self.policy)
            self.sleep(wait)
            attempt += 1

    def pages(self, path: str, key: str, query: Query | None = None) -> Iterator[dict[str, Any]]:
        """The rows of a keyset-paged list, fetching the next page only when asked for more rows."""
        cursor: str | None = None
        while True:
            page = self.json("GET", path, query={**(query or {}), "cursor": cursor})
            yield from page[key]
            cursor = page.get("nextCursor")
            if not cursor:
                return

    def open_file(self, path: str, size: int) -> FileStream:
        return FileStream(self, path, size)


class FileStream(io.RawIOBase):
    """A file served by the API, read as a stream. A connection that drops part-way is opened
    again with a Range request from the byte reached, up to the policy's number of retries."""

    def __init__(self, transport: Transport, path: str, size: int) -> None:
        super().__init__()
        self._transport = transport
        self._path = path
        self._size = size
        self._position = 0
        self._failures = 0
        self._response: http.client.HTTPResponse | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while True:
            try:
                response = self._response or self._open()
                n = response.readinto(buffer)
                # http.client ends a body cut short quietly, as if it were complete.
                if n == 0 and len(buffer) > 0 and self._position < self._size:
                    raise http.client.IncompleteRead(b"", self._size - self._position)
            except NETWORK_ERRORS:
                self._drop()
                if self._position >= self._size or self._failures >= self._transport.policy.retries:
                    raise
                self._transport.sleep(backoff(self._failures, self._transport.policy))
                self._failures += 1
                continue
            self._position += n
            return n

    def _open(self) -> http.client.HTTPResponse:
        if self._position == 0:
            response = self._transport.send("GET", self._path)
        else:
            response = self._transport.send("GET", self._path, headers={"Range": f"bytes={self._position}-"})
            # A server (or proxy) that ignores Range sends the whole file again.
            if response.status == 200:
                _skip(response, self._position)
        self._response = response
        return response

    def _drop(self) -> None:
        if self._response is not None:
            self._response.close()
            self._response = None

    def close(self) -> None:
        self._drop()
        super().close()


def _skip(response: http.client.HTTPResponse, count: int) -> None:
    while count > 0:
        block = response.read(min(count, 1 << 20))
        if not block:
            raise http.client.IncompleteRead(b"", count)
        count -= len(block)


def _read_quietly(err: urllib.error.HTTPError) -> bytes:
    try:
        return err.read()
    except NETWORK_ERRORS:
        return b""
    finally:
        err.close()


def _query_value(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
