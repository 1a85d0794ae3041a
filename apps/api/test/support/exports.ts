import { sleep } from "@arbiter/testkit";
import { expect } from "vitest";
import { bearer, type Harness, type TestUser } from "./harness";

/** Asks for an export of the project (the body as a client would send it); it must be accepted. */
export async function requestExport(h: Harness, user: TestUser, projectId: string, body: object) {
  const res = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/exports`,
    headers: bearer(user),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().export;
}

/**
 * Polls an export until it has SUCCEEDED or FAILED; the worker is a process of its own. The
 * export is the JSON as the API sent it, read by the tests without a schema.
 */
export async function waitForExport(h: Harness, user: TestUser, id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await h.app.inject({ method: "GET", url: `/api/v1/exports/${id}`, headers: bearer(user) });
    const e = res.json().export;
    if (e.status === "SUCCEEDED" || e.status === "FAILED") return e;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${e.status} after ${timeoutMs} ms`);
    await sleep(100);
  }
}
