import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, takeAssignment } from "../support/annotation";
import { bearer, type TestUser } from "../support/harness";
import { createWorld, type World } from "./support/world";

let w: World;
/** A second annotator in the same pool as `w.annotator`: allowed in the project, not in their work. */
let peer: TestUser;
beforeAll(async () => {
  w = await createWorld();
  peer = await w.h.user("ANNOTATOR");
  const res = await w.h.app.inject({
    method: "POST",
    url: `/api/v1/pools/${w.poolId}/members`,
    headers: bearer(w.admin),
    payload: { userIds: [peer.id] },
  });
  expect(res.statusCode).toBeLessThan(300);
});
afterAll(async () => w?.close());

function post(user: TestUser, url: string, payload?: object, headers: Record<string, string> = {}) {
  return w.h.app.inject({ method: "POST", url, headers: { ...bearer(user), ...headers }, payload });
}

/** Rows that record the annotator's work: any change means someone else touched it. */
async function workOf(userId: string) {
  const { rows } = await w.h.db.pool.query(
    `SELECT a.id, a.status, a.expires_at, j.id AS judgment_id, j.superseded_at, j.choice
       FROM assignments a LEFT JOIN judgments j ON j.assignment_id = a.id
      WHERE a.annotator_id = $1 ORDER BY a.id, j.id`,
    [userId],
  );
  return rows;
}

describe("an annotator's assignments and judgments are theirs alone", () => {
  it("another annotator, a researcher and an admin get 404 for them, exactly as for an id that does not exist", async () => {
    const before = await workOf(w.annotator.id);
    const open = w.openAssignmentId;
    const attempts = [
      (u: TestUser, id: string) =>
        post(u, `/api/v1/assignments/${id}/judgment`, { choice: "B" }, { "idempotency-key": randomUUID() }),
      (u: TestUser, id: string) => post(u, `/api/v1/assignments/${id}/skip`, { reason: "not mine" }),
    ];
    for (const caller of [peer, w.outsider, w.researcher, w.admin]) {
      for (const attempt of attempts) {
        const theirs = await attempt(caller, open);
        const missing = await attempt(caller, randomUUID());
        expect(theirs.statusCode, `${caller.email}: ${theirs.body}`).toBe(404);
        // Same answer as for a random id: nothing to learn by probing.
        expect(theirs.json()).toEqual(missing.json());
      }
      const undo = await post(caller, `/api/v1/judgments/${w.judgmentId}/undo`);
      const undoMissing = await post(caller, `/api/v1/judgments/${randomUUID()}/undo`);
      expect(undo.statusCode).toBe(404);
      expect(undo.json()).toEqual(undoMissing.json());
    }
    expect(await workOf(w.annotator.id)).toEqual(before);
  });

  it("replaying the owner's Idempotency-Key on one's own assignment never returns the owner's judgment", async () => {
    const { assignment } = await takeAssignment(w.h, peer, w.projectId);
    expect(assignment).not.toBeNull();
    const res = await judge(w.h, peer, assignment!.id, { choice: "B" }, w.judgmentKey);
    expect(res.statusCode).toBe(201);
    expect(res.json().judgment.id).not.toBe(w.judgmentId);
    const stored = await w.h.db.pool.query("SELECT annotator_id FROM judgments WHERE id = $1", [
      res.json().judgment.id,
    ]);
    expect(stored.rows[0].annotator_id).toBe(peer.id);
  });

  it("an assignment handed out never shows who else answered the item, nor model names or completion ids", async () => {
    const { assignment } = await takeAssignment(w.h, peer, w.projectId);
    const text = JSON.stringify(assignment);
    expect(text).not.toContain(w.annotator.id);
    expect(text).not.toMatch(/completionId|annotatorId|"model"/);
    for (const option of assignment!.options) expect(Object.keys(option).sort()).toEqual(["key", "text"]);
  });
});

describe("a project is invisible outside its pools", () => {
  it("an annotator of another pool cannot lease, see progress of, or list the project", async () => {
    const lease = await post(w.outsider, `/api/v1/projects/${w.projectId}/assignments`);
    const leaseMissing = await post(w.outsider, `/api/v1/projects/${randomUUID()}/assignments`);
    expect(lease.statusCode).toBe(404);
    expect(lease.json()).toEqual(leaseMissing.json());

    const progress = await w.h.app.inject({
      method: "GET",
      url: `/api/v1/me/progress?projectId=${w.projectId}`,
      headers: bearer(w.outsider),
    });
    expect(progress.statusCode).toBe(404);

    const mine = await w.h.app.inject({
      method: "GET",
      url: "/api/v1/me/projects",
      headers: bearer(w.outsider),
    });
    const ids = mine.json().projects.map((p: { id: string }) => p.id);
    expect(ids).toContain(w.otherProjectId);
    expect(ids).not.toContain(w.projectId);
  });

  it("annotators cannot read projects, items, stats, quality or exports by id, whoever's they are", async () => {
    for (const url of [
      `/api/v1/projects/${w.projectId}`,
      `/api/v1/projects/${w.projectId}/stats`,
      `/api/v1/projects/${w.projectId}/quality`,
      `/api/v1/projects/${w.projectId}/exports`,
      `/api/v1/projects/${w.otherProjectId}`,
    ]) {
      for (const annotator of [w.annotator, w.outsider]) {
        const res = await w.h.app.inject({ method: "GET", url, headers: bearer(annotator) });
        expect(res.statusCode, url).toBe(403);
      }
    }
  });

  it("enumerating assignment ids finds nothing: every guess, real or not, is the same 404", async () => {
    const { rows } = await w.h.db.pool.query<{ id: string }>(
      "SELECT id FROM assignments WHERE annotator_id <> $1",
      [w.outsider.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    const guesses = [...rows.map((r) => r.id), randomUUID(), "00000000-0000-0000-0000-000000000000"];
    const bodies = new Set<string>();
    for (const id of guesses) {
      const res = await post(w.outsider, `/api/v1/assignments/${id}/skip`, {});
      expect(res.statusCode).toBe(404);
      bodies.add(res.body);
    }
    expect(bodies.size).toBe(1);
  });
});
