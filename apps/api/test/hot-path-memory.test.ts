// The annotation hot path remembers principals and answer rules in memory (one query per
// call instead of several). These tests run a second API instance on the same database,
// as a second process would, and check that nothing it remembers outlives a suspension,
// a revocation, a logout or a project edit made through the first.
import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@arbiter/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../src/app";
import { parseApiEnv } from "../src/env";
import { createApiKey } from "../src/features/api-keys/service";
import { seedProject } from "./support/annotation";
import {
  bearer,
  browser,
  createHarness,
  type Harness,
  setUserStatus,
  type TestUser,
} from "./support/harness";

let h: Harness;
let otherDb: Db;
let other: App;
beforeAll(async () => {
  h = await createHarness();
  otherDb = createDb(h.db.url, { poolSize: 4 });
  other = await buildApp({
    config: parseApiEnv({ DATABASE_URL: h.db.url, LOG_LEVEL: "silent", NODE_ENV: "test" }),
    db: otherDb,
    logger: false,
  });
  await other.ready();
});
afterAll(async () => {
  await other?.close();
  await otherDb?.close();
  await h?.close();
});

function take(app: App, headers: Record<string, string>, projectId: string) {
  return app.inject({ method: "POST", url: `/api/v1/projects/${projectId}/assignments`, headers });
}

function answer(app: App, headers: Record<string, string>, assignmentId: string, body: object) {
  return app.inject({
    method: "POST",
    url: `/api/v1/assignments/${assignmentId}/judgment`,
    headers: { ...headers, "idempotency-key": randomUUID() },
    payload: body,
  });
}

/** A user judging, whose key and session the second instance has just used (and remembers). */
async function warmAnnotator(
  role: "ANNOTATOR" | "RESEARCHER" = "ANNOTATOR",
): Promise<{ a: TestUser; projectId: string; held: string }> {
  const researcher = await h.user("RESEARCHER");
  const a = await h.user(role);
  const { projectId } = await seedProject(h, researcher, [a], { items: 4, judgmentsPerItem: 1 });
  const first = await take(other, bearer(a), projectId);
  expect(first.statusCode).toBe(201);
  const judged = await answer(other, bearer(a), first.json().assignment.id, { choice: "A" });
  expect(judged.statusCode).toBe(201);
  const held = judged.json().next.id as string;
  const again = await take(other, browser(a), projectId);
  expect(again.json().assignment.id).toBe(held);
  return { a, projectId, held };
}

describe("remembered principals", () => {
  it("a suspension through one instance stops the other at once; reinstating revives neither key nor session", async () => {
    const admin = await h.user("ADMIN");
    const { a, projectId, held } = await warmAnnotator();
    const suspend = await setUserStatus(h, admin, a.id, "SUSPENDED");
    expect(suspend.statusCode).toBe(200);

    expect((await take(other, bearer(a), projectId)).statusCode).toBe(401);
    expect((await take(other, browser(a), projectId)).statusCode).toBe(401);
    expect((await answer(other, bearer(a), held, { choice: "B" })).statusCode).toBe(401);
    expect((await answer(other, browser(a), held, { choice: "B" })).statusCode).toBe(401);
    expect(await h.db.prisma.judgment.count({ where: { annotatorId: a.id } })).toBe(1);

    await setUserStatus(h, admin, a.id, "ACTIVE");
    expect((await take(other, browser(a), projectId)).statusCode).toBe(401);
    expect((await take(other, bearer(a), projectId)).statusCode).toBe(401);
    // The account works again with a new credential, and finds what it held.
    const { token } = await createApiKey(h.app.db, a.id, { name: "after reinstatement" });
    const back = await take(other, { authorization: `Bearer ${token}` }, projectId);
    expect(back.statusCode).toBe(201);
    expect(back.json().assignment.id).toBe(held);
  });

  it("a revoked key and a logged-out session stop working on the other instance at once", async () => {
    // Staff may judge too, and only staff hold the API keys they can revoke themselves.
    const { a, projectId, held } = await warmAnnotator("RESEARCHER");
    const keys = await h.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: browser(a) });
    const keyId = keys.json().apiKeys[0].id as string;
    const revoke = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${keyId}`,
      headers: browser(a),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await take(other, bearer(a), projectId)).statusCode).toBe(401);
    expect((await answer(other, bearer(a), held, { choice: "A" })).statusCode).toBe(401);
    expect((await take(other, browser(a), projectId)).statusCode).toBe(201);

    const logout = await h.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: browser(a) });
    expect(logout.statusCode).toBe(204);
    expect((await take(other, browser(a), projectId)).statusCode).toBe(401);
    expect((await answer(other, browser(a), held, { choice: "A" })).statusCode).toBe(401);
    expect(await h.db.prisma.judgment.count({ where: { annotatorId: a.id } })).toBe(1);
  });

  it("a user removed from the project's pools may hand in what they hold but gets nothing new", async () => {
    const admin = await h.user("ADMIN");
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId, poolId } = await seedProject(h, researcher, [a], { items: 3 });
    const held = (await take(other, bearer(a), projectId)).json().assignment.id as string;
    const removed = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/pools/${poolId}/members/${a.id}`,
      headers: bearer(admin),
    });
    expect(removed.statusCode).toBe(204);
    const judged = await answer(other, bearer(a), held, { choice: "A" });
    expect(judged.statusCode).toBe(201);
    expect(judged.json().next).toBeNull();
    expect((await take(other, bearer(a), projectId)).statusCode).toBe(404);
  });
});

describe("remembered answer rules", () => {
  it("never outlive a project edit: the answer is checked against the current questions", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 3, judgmentsPerItem: 1 });
    const held = (await take(other, bearer(a), projectId)).json().assignment.id as string;
    const edit = (questions: object) =>
      h.app.inject({
        method: "PATCH",
        url: `/api/v1/projects/${projectId}`,
        headers: bearer(researcher),
        payload: { questions },
      });

    // Remembered: no strength asked. Now it is required.
    expect((await edit({ strength: true })).statusCode).toBe(200);
    const missing = await answer(other, bearer(a), held, { choice: "A" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toContain("body.strength");

    // Remembered: no rationale allowed. Now it is optional, so the answer is accepted.
    expect((await edit({ strength: true, rationale: "optional" })).statusCode).toBe(200);
    const ok = await answer(other, bearer(a), held, { choice: "A", strength: 2, rationale: "clearer" });
    expect(ok.statusCode, ok.body).toBe(201);
    const stored = await h.db.prisma.judgment.findFirstOrThrow({ where: { assignmentId: held } });
    expect(stored).toMatchObject({ strength: 2, rationale: "clearer" });
  });

  it("an assignment handed out by one instance is answered through the other", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], {
      items: 2,
      questions: { strength: true },
    });
    const held = (await take(h.app, bearer(a), projectId)).json().assignment.id as string;
    const bad = await answer(other, bearer(a), held, { choice: "A" });
    expect(bad.statusCode).toBe(400);
    const ok = await answer(other, bearer(a), held, { choice: "A", strength: 4 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().next.project.questions.strength).toBe(true);
  });
});
