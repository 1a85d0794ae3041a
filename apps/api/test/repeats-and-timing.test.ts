import { randomUUID } from "node:crypto";
import { backdateAssignment } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ REDIS_URL: "redis://127.0.0.1:1" });
});
afterAll(async () => h?.close());

type Shown = { id: string; keys: string[]; options: { key: string; text: string }[] };

/**
 * Answers everything the project hands out: `pick` chooses the option key from the shown
 * options. Returns the assignments in the order they were shown.
 */
async function answerAll(user: TestUser, projectId: string, pick: (a: Shown) => string): Promise<Shown[]> {
  const shown: Shown[] = [];
  let assignment = (await takeAssignment(h, user, projectId)).assignment as unknown as Shown | null;
  while (assignment) {
    shown.push({ ...assignment, keys: Object.keys(assignment).sort() });
    const res = await judge(h, user, assignment.id, { choice: pick(assignment) });
    expect(res.statusCode, res.body).toBe(201);
    assignment = res.json().next;
  }
  return shown;
}

const byModel0 = (a: Shown) => a.options.find((o) => o.text.endsWith("model-0"))!.key;

async function setRepeatShare(owner: TestUser, projectId: string, share: number) {
  const res = await h.app.inject({
    method: "PATCH",
    url: `/api/v1/projects/${projectId}`,
    headers: bearer(owner),
    payload: { repeats: { share } },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe("consistency repeats", () => {
  it("come back in swapped order, never twice in a row, once per item, uncounted, and measure self-consistency", async () => {
    const r = await h.user("RESEARCHER");
    const steady = await h.user("ANNOTATOR");
    const clicker = await h.user("ANNOTATOR");
    const { projectId, itemIds } = await seedProject(h, r, [steady, clicker], {
      items: 12,
      judgmentsPerItem: 2,
    });
    await setRepeatShare(r, projectId, 0.5);
    const steadyShown = await answerAll(steady, projectId, byModel0);
    await answerAll(clicker, projectId, () => "A");

    const { rows } = await h.db.pool.query<{
      id: string;
      item_id: string;
      annotator_id: string;
      is_repeat: boolean;
      shown_order: string[];
    }>(
      `SELECT id, item_id, annotator_id, is_repeat, shown_order FROM assignments
        WHERE project_id = $1 ORDER BY annotator_id, created_at, closed_at`,
      [projectId],
    );
    for (const user of [steady, clicker]) {
      const mine = rows.filter((a) => a.annotator_id === user.id);
      const repeats = mine.filter((a) => a.is_repeat);
      expect(repeats.length).toBeGreaterThan(0);
      expect(new Set(repeats.map((a) => a.item_id)).size).toBe(repeats.length);
      mine.forEach((a, i) => {
        if (i > 0) expect(a.item_id).not.toBe(mine[i - 1]!.item_id);
      });
      for (const rep of repeats) {
        const first = mine.find((a) => a.item_id === rep.item_id && !a.is_repeat)!;
        expect(rep.shown_order).toEqual([...first.shown_order].reverse());
      }
    }
    // Repeats look like any other assignment on the annotator's page.
    expect(new Set(steadyShown.map((a) => a.keys.join()))).toEqual(new Set([steadyShown[0]!.keys.join()]));

    const counts = await h.db.pool.query(
      `SELECT (SELECT count(*)::int FROM judgments WHERE project_id = $1) AS judgments,
              (SELECT count(*)::int FROM repeat_judgments WHERE project_id = $1) AS repeats,
              (SELECT sum(judgments_count)::int FROM items WHERE project_id = $1) AS counted,
              (SELECT count(*)::int FROM items WHERE project_id = $1 AND status = 'COMPLETE') AS complete`,
      [projectId],
    );
    expect(counts.rows[0]).toMatchObject({ judgments: 24, counted: 24, complete: itemIds.length });
    expect(counts.rows[0].repeats).toBe(rows.filter((a) => a.is_repeat).length);

    const quality = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/quality`,
      headers: bearer(r),
    });
    const of = (u: TestUser) =>
      quality.json().annotators.find((a: { user: { id: string } }) => a.user.id === u.id);
    // The steady one picks the same completion whatever its place; the clicker always the
    // first shown, which a swapped repeat turns into the other completion.
    expect(of(steady)).toMatchObject({ selfConsistency: 1, judgments: 12 });
    expect(of(clicker)).toMatchObject({ selfConsistency: 0, judgments: 12 });
    expect(of(steady).repeats).toBeGreaterThan(0);
  });

  it("keep idempotency keys in one namespace with ordinary answers", async () => {
    const r = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, r, [a], { items: 3, judgmentsPerItem: 1 });
    const firstKey = randomUUID();
    const first = (await takeAssignment(h, a, projectId)).assignment!;
    expect((await judge(h, a, first.id, { choice: "A" }, firstKey)).statusCode).toBe(201);
    await answerAll(a, projectId, () => "A");
    await setRepeatShare(r, projectId, 0.5);
    // A lease drawn as a repeat (the draw arbiter_lease_many makes for its batch).
    const { rows } = await h.db.pool.query<{ id: string }>(
      "SELECT arbiter_lease_item($1, $2, 600, true, false, true) AS id",
      [projectId, a.id],
    );
    const repeatId = rows[0]!.id;
    const lease = await h.db.pool.query("SELECT is_repeat FROM assignments WHERE id = $1", [repeatId]);
    expect(lease.rows[0].is_repeat).toBe(true);

    expect((await judge(h, a, repeatId, { choice: "B" }, firstKey)).statusCode).toBe(409);
    const key = randomUUID();
    const once = await judge(h, a, repeatId, { choice: "B" }, key);
    const twice = await judge(h, a, repeatId, { choice: "B" }, key);
    expect(once.statusCode, once.body).toBe(201);
    expect(twice.json().judgment.id).toBe(once.json().judgment.id);
    expect(once.json().judgment.counted).toBe(false);
  });
});

describe("time measured by the server", () => {
  it("stores the smaller of the client's duration and the time since the hand-out", async () => {
    const r = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, r, [a], { items: 3 });
    const { assignment } = await takeAssignment(h, a, projectId);
    await backdateAssignment(h.db.pool, assignment!.id, 100);
    const quick = await judge(h, a, assignment!.id, { choice: "A", durationMs: 60_000 });
    const next = quick.json().next;
    await backdateAssignment(h.db.pool, next.id, 20_000);
    const silent = await judge(h, a, next.id, { choice: "A" });
    const honest = await judge(h, a, silent.json().next.id, { choice: "A", durationMs: 1 });
    const stored = async (res: typeof quick) =>
      (await h.db.prisma.judgment.findUniqueOrThrow({ where: { id: res.json().judgment.id } })).durationMs!;
    const quickMs = await stored(quick);
    expect(quickMs).toBeGreaterThanOrEqual(100);
    expect(quickMs).toBeLessThan(60_000);
    expect(await stored(silent)).toBeGreaterThanOrEqual(20_000);
    expect(await stored(honest)).toBe(1);
  });
});
