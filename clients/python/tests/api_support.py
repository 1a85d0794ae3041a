"""What the API tests share: the server the runner started, and annotators who judge through it.

The runner (scripts/run-tests.ts) starts the API, a worker and the model-server stand-in and
passes their addresses and an admin's API key in ARBITER_TEST_*; without them there is nothing
to test against, and the API tests are skipped, saying so (the runner fails on any skip).
"""

import json
import os
import subprocess
import unittest
import urllib.error
import urllib.request
import uuid

from arbiter import Arbiter

URL = os.environ.get("ARBITER_TEST_URL", "")
API_KEY = os.environ.get("ARBITER_TEST_API_KEY", "")
MODEL_SERVER_URL = os.environ.get("ARBITER_TEST_MODEL_SERVER_URL", "")
DATABASE_URL = os.environ.get("ARBITER_TEST_DATABASE_URL", "")


def require_stack():
    if not (URL and API_KEY and MODEL_SERVER_URL and DATABASE_URL):
        raise unittest.SkipTest(
            "needs the API, worker and model server: run `npm test -w @arbiter/python-client`"
        )


def backdate_assignment(assignment_id, ms):
    """Moves an assignment's hand-out ms into the past (the Python twin of testkit's
    backdateAssignment): the server stores the smaller of the client's durationMs and the
    time since the hand-out, so a test meaning a slow read says so here. Through psql, as the
    client has no Postgres driver (standard library only)."""
    subprocess.run(
        [
            "psql",
            DATABASE_URL,
            "-v",
            "ON_ERROR_STOP=1",
            "-qc",
            "UPDATE assignments SET created_at = created_at - make_interval(secs => %d / 1000.0)"
            " WHERE id = '%s'" % (int(ms), uuid.UUID(assignment_id)),
        ],
        check=True,
        capture_output=True,
    )


def admin():
    return Arbiter(URL, API_KEY)


def unique(name):
    return f"{name} {uuid.uuid4().hex[:8]}"


class Annotator:
    """An annotator in the browser: signed in with a session cookie, judging what is leased."""

    def __init__(self, arbiter, pool_id):
        self.email = f"{uuid.uuid4().hex[:12]}@annotators.test"
        password = uuid.uuid4().hex
        user = arbiter.request(
            "POST",
            "/api/v1/users",
            json={"email": self.email, "name": "Annotator", "role": "ANNOTATOR", "password": password},
        )["user"]
        arbiter.request("POST", f"/api/v1/pools/{pool_id}/members", json={"userIds": [user["id"]]})
        credentials = {"email": self.email, "password": password}
        status, _, headers = self._call("POST", "/api/v1/auth/login", credentials)
        assert status == 200, status
        self.cookie = headers["Set-Cookie"].split(";")[0]

    def judge_all(self, project_id, choice="A"):
        """Answers every item the project hands out; returns how many."""
        assignment = self._lease(project_id)
        answered = 0
        while assignment is not None:
            backdate_assignment(assignment["id"], 5000)
            status, answer, _ = self._call(
                "POST",
                f"/api/v1/assignments/{assignment['id']}/judgment",
                # Read for five seconds: answers quicker than the project's fastSeconds are not
                # exported.
                {"choice": choice, "durationMs": 5000},
                {"Idempotency-Key": str(uuid.uuid4())},
            )
            assert status == 201, (status, answer)
            answered += 1
            assignment = answer["next"] or self._lease(project_id)
        return answered

    def _lease(self, project_id):
        status, body, _ = self._call("POST", f"/api/v1/projects/{project_id}/assignments")
        if status == 204:
            return None
        assert status == 201, (status, body)
        return body["assignment"]

    def _call(self, method, path, body=None, extra_headers=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        headers.update(extra_headers or {})
        if getattr(self, "cookie", None):
            headers["Cookie"] = self.cookie
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(URL + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw or b"null"), response.headers
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"null"), err.headers


def raw_download(export_id, name):
    """A file of an export as the API serves it, fetched without the client."""
    request = urllib.request.Request(
        f"{URL}/api/v1/exports/{export_id}/files/{name}", headers={"Authorization": f"Bearer {API_KEY}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()
