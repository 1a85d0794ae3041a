"""The transport against a scripted local HTTP server: retries, errors, redirects, resumed downloads."""

import json
import socket
import threading
import unittest
import urllib.error
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from arbiter import ArbiterError
from arbiter.retry import RetryPolicy
from arbiter.transport import Transport


class Script:
    """Answers given in order, and the requests that got them."""

    def __init__(self):
        self.answers = []
        self.requests = []


def start_server(script):
    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            script.requests.append(
                {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
            )
            status, headers, payload, cut = script.answers.pop(0)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            # A connection that drops part-way: fewer bytes than Content-Length said.
            self.wfile.write(payload[:cut] if cut is not None else payload)
            if cut is not None:
                self.close_connection = True

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def answer(status, body=None, headers=None, cut=None):
    payload = body if isinstance(body, bytes) else json.dumps(body if body is not None else {}).encode()
    return (status, {"Content-Type": "application/json", **(headers or {})}, payload, cut)


class TransportTest(unittest.TestCase):
    def setUp(self):
        self.script = Script()
        self.server = start_server(self.script)
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        self.sleeps = []
        self.http = self.transport(retries=3)

    def transport(self, retries, url=None):
        return Transport(
            url or f"http://127.0.0.1:{self.server.server_port}",
            "arb_secret-key",
            timeout=5,
            policy=RetryPolicy(retries=retries, base_delay=0.01, max_delay=5),
            sleep=self.sleeps.append,
        )

    def test_sends_the_key_as_bearer_and_never_shows_it(self):
        self.script.answers = [answer(200, {"ok": True})]
        self.assertEqual(self.http.json("GET", "/api/v1/me"), {"ok": True})
        self.assertEqual(self.script.requests[0]["headers"]["Authorization"], "Bearer arb_secret-key")
        self.assertNotIn("secret", repr(self.http))

    def test_a_get_answered_503_is_sent_again_after_retry_after(self):
        self.script.answers = [answer(503, {}, {"Retry-After": "1"}), answer(200, {"ok": True})]
        self.assertEqual(self.http.json("GET", "/x"), {"ok": True})
        self.assertEqual(len(self.script.requests), 2)
        self.assertEqual(self.sleeps, [1.0])

    def test_gives_up_after_the_retries(self):
        self.script.answers = [answer(502, b"bad gateway")] * 4
        with self.assertRaises(ArbiterError) as caught:
            self.http.json("GET", "/x")
        self.assertEqual((caught.exception.status, caught.exception.code), (502, "http_502"))
        self.assertEqual(len(self.script.requests), 4)
        self.assertEqual(len(self.sleeps), 3)

    def test_a_post_without_idempotency_key_is_never_repeated(self):
        self.script.answers = [answer(503, {"error": {"code": "service_unavailable", "message": "later"}})]
        with self.assertRaises(ArbiterError) as caught:
            self.http.json("POST", "/x", body={"a": 1})
        self.assertEqual(caught.exception.code, "service_unavailable")
        self.assertEqual(len(self.script.requests), 1)

    def test_a_post_with_idempotency_key_is_repeated_with_the_same_key_and_body(self):
        self.script.answers = [answer(500), answer(429, {}, {"Retry-After": "0"}), answer(201, {"ok": True})]
        sent = self.http.json("POST", "/x", body={"a": 1}, headers={"Idempotency-Key": "k-1"})
        self.assertEqual(sent, {"ok": True})
        self.assertEqual(len(self.script.requests), 3)
        self.assertEqual({r["headers"]["Idempotency-Key"] for r in self.script.requests}, {"k-1"})
        self.assertEqual({r["body"] for r in self.script.requests}, {b'{"a": 1}'})

    def test_client_errors_are_not_retried(self):
        self.script.answers = [answer(404, {"error": {"code": "not_found", "message": "Project not found"}})]
        with self.assertRaises(ArbiterError) as caught:
            self.http.json("GET", "/x")
        self.assertEqual((caught.exception.status, caught.exception.message), (404, "Project not found"))
        self.assertEqual(len(self.script.requests), 1)

    def test_a_retry_after_longer_than_the_longest_wait_is_returned_at_once(self):
        self.script.answers = [answer(503, {}, {"Retry-After": "3600"})]
        with self.assertRaises(ArbiterError):
            self.http.json("GET", "/x")
        self.assertEqual((len(self.script.requests), self.sleeps), (1, []))

    def test_redirects_are_not_followed(self):
        self.script.answers = [answer(302, {}, {"Location": "/elsewhere"})]
        with self.assertRaises(ArbiterError) as caught:
            self.http.json("GET", "/x")
        self.assertEqual(caught.exception.status, 302)
        self.assertEqual([r["path"] for r in self.script.requests], ["/x"])

    def test_network_errors_are_retried_then_raised(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed = s.getsockname()[1]
        http = self.transport(retries=2, url=f"http://127.0.0.1:{closed}")
        with self.assertRaises(urllib.error.URLError):
            http.json("GET", "/x")
        self.assertEqual(len(self.sleeps), 2)

    def test_query_values(self):
        self.script.answers = [answer(200, {})]
        self.http.json("GET", "/x", query={"limit": 2, "dryRun": True, "cursor": None, "q": "a b"})
        self.assertEqual(self.script.requests[0]["path"], "/x?limit=2&dryRun=true&q=a+b")

    def test_a_download_that_drops_resumes_with_a_range_request(self):
        data = bytes(range(256)) * 400
        self.script.answers = [
            (200, {"Content-Type": "application/gzip"}, data, 10_000),
            (206, {"Content-Range": f"bytes 10000-{len(data) - 1}/{len(data)}"}, data[10_000:], None),
        ]
        with self.http.open_file("/f", len(data)) as stream:
            self.assertEqual(stream.readall(), data)
        self.assertNotIn("Range", self.script.requests[0]["headers"])
        self.assertEqual(self.script.requests[1]["headers"]["Range"], "bytes=10000-")

    def test_a_resumed_download_whose_server_ignores_range_skips_what_it_has(self):
        data = b"0123456789" * 1000
        self.script.answers = [
            (200, {}, data, 4_321),
            (200, {}, data, None),
        ]
        with self.http.open_file("/f", len(data)) as stream:
            self.assertEqual(stream.readall(), data)


if __name__ == "__main__":
    unittest.main()
