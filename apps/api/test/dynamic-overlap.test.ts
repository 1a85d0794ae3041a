import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ REDIS_URL: "redis://127.0.0.1:1" });
});
afterAll(async () => h?.close());

const DYNAMIC = { min: 2, max: 4, target: 0.9 };

async function patchProject(user: TestUser, projectId: string, payload: Record<string, unknown>) {
  return h.app.inject({
    method: "PATCH",
    url: `/api/v1/projects/${projectId}`,
    headers: bearer(user),
    payload,
  });
}

async function createRaw(user: TestUser, payload: Record<string, unknown>) {
  return h.app.inject({ method: "POST", url: "/api/v1/projects", headers: bearer(user), payload });
}

type ItemRow = {
  id: string;
  status: string;
  judgments_wanted: number;
  judgments_count: number;
  judgments_max: number;
};
async function itemRow(id: string): Promise<ItemRow> {
  const { rows } = await h.db.pool.query<ItemRow>(
    "SELECT id, status, judgments_wanted, judgments_count, judgments_max FROM items WHERE id = $1",
    [id],
  );
  return rows[0]!;
}

// The priority of a dynamic item waiting for its decision (arbiter_counted_priority).
const WAITING = -2147483648;

async function decide(
  items: string[],
  confidence: (number | null)[],
  more: (boolean | null)[] = [],
  priority: (number | null)[] = [],
) {
  const { rows } = await h.db.pool.query<ItemRow & { item_id: string }>(
    "SELECT * FROM arbiter_decide_items($1::uuid[], $2::float8[], $3::int[], $4::boolean[])",
    [items, confidence, items.map((_, i) => priority[i] ?? null), items.map((_, i) => more[i] ?? null)],
  );
  return rows;
}

/** Answers what the project hands out until it hands out nothing; returns how many. */
async function answerAll(user: TestUser, projectId: string): Promise<number> {
  let n = 0;
  let { assignment } = await takeAssignment(h, user, projectId);
  while (assignment) {
    const res = await judge(h, user, assignment.id, { choice: "A" });
    expect(res.statusCode, res.body).toBe(201);
    n += 1;
    assignment = res.json().next;
  }
  return n;
}

describe("dynamic overlap settings", () => {
  it("are created, shown, and judgmentsPerItem reports the max", async () => {
    const r = await h.user("RESEARCHER");
    const res = await createRaw(r, {
      name: "Dyn",
      overlap: DYNAMIC,
      selection: "label-confidence",
      repeats: { share: 0.1 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().project).toMatchObject({
      judgmentsPerItem: 4,
      overlap: DYNAMIC,
      selection: "label-confidence",
      repeats: { share: 0.1 },
    });
    const fixed = await createRaw(r, { name: "Fixed", judgmentsPerItem: 5 });
    expect(fixed.json().project).toMatchObject({
      judgmentsPerItem: 5,
      overlap: null,
      selection: "uniform",
      repeats: { share: 0 },
    });
  });

  it.each([
    [{ overlap: DYNAMIC, judgmentsPerItem: 3 }, "body.judgmentsPerItem"],
    [{ overlap: { min: 5, max: 4, target: 0.9 } }, "body.overlap.max"],
    [{ overlap: { min: 1, max: 4, target: 0.5 } }, "body.overlap.target"],
    [{ overlap: { min: 1, max: 4, target: 1 } }, "body.overlap.target"],
    [{ overlap: { min: 0, max: 4, target: 0.9 } }, "body.overlap.min"],
    [{ overlap: { ...DYNAMIC, cap: 3 } }, "body.overlap"],
    [{ selection: "random" }, "body.selection"],
    [{ repeats: { share: 0.6 } }, "body.repeats.share"],
  ])("refuse %j naming %s", async (fields, path) => {
    const r = await h.user("RESEARCHER");
    const res = await createRaw(r, { name: "Bad", ...fields });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain(path);
  });

  it("a PATCH switches the mode and re-applies it to the items, never below their count", async () => {
    const r = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId, itemIds } = await seedProject(h, r, [a], { items: 2, judgmentsPerItem: 1 });
    await answerAll(a, projectId);
    expect(await itemRow(itemIds[0]!)).toMatchObject({ status: "COMPLETE", judgments_count: 1 });

    const onlyCount = await patchProject(r, projectId, { overlap: { min: 2, max: 3, target: 0.8 } });
    expect(onlyCount.statusCode, onlyCount.body).toBe(200);
    expect(onlyCount.json().project).toMatchObject({ judgmentsPerItem: 3, overlap: { min: 2, max: 3 } });
    expect(await itemRow(itemIds[0]!)).toMatchObject({
      status: "OPEN",
      judgments_wanted: 2,
      judgments_max: 3,
    });

    // An older client sending only the fixed count may not switch the mode unseen.
    const refused = await patchProject(r, projectId, { judgmentsPerItem: 2 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe("body.judgmentsPerItem");
    expect((await patchProject(r, projectId, { judgmentsPerItem: 3, name: "Same max" })).statusCode).toBe(
      200,
    );

    const back = await patchProject(r, projectId, { overlap: null });
    expect(back.json().project).toMatchObject({ judgmentsPerItem: 3, overlap: null });
    expect(await itemRow(itemIds[0]!)).toMatchObject({
      status: "OPEN",
      judgments_wanted: 3,
      judgments_max: null,
    });
    await patchProject(r, projectId, { judgmentsPerItem: 1 });
    expect(await itemRow(itemIds[0]!)).toMatchObject({ status: "COMPLETE", judgments_wanted: 1 });
  });
});

describe("dynamic overlap on the hot path", () => {
  it("an item at its wanted count waits unleasable; decisions raise it by one or complete it", async () => {
    const r = await h.user("RESEARCHER");
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId, itemIds } = await seedProject(h, r, annotators, { items: 1 });
    await patchProject(r, projectId, { overlap: DYNAMIC });
    const item = itemIds[0]!;
    expect(await itemRow(item)).toMatchObject({ judgments_wanted: 2, judgments_max: 4 });

    await answerAll(annotators[0]!, projectId);
    await answerAll(annotators[1]!, projectId);
    expect(await itemRow(item)).toMatchObject({ status: "OPEN", judgments_count: 2, judgments_wanted: 2 });
    expect((await takeAssignment(h, annotators[2]!, projectId)).assignment).toBeNull();
    // Waiting, it stands at the end of the lease order, where the lease scan never reaches it.
    const waiting = await h.db.pool.query("SELECT priority FROM items WHERE id = $1", [item]);
    expect(waiting.rows[0].priority).toBe(WAITING);

    const [low] = await decide([item], [0.6], [], [12]);
    expect(low).toMatchObject({ status: "OPEN", judgments_wanted: 3, confidence: 0.6, priority: 12 });
    // The same decision again finds the item below its wanted count: nothing more happens.
    expect((await decide([item], [0.6]))[0]).toMatchObject({ judgments_wanted: 3 });

    expect(await answerAll(annotators[2]!, projectId)).toBe(1);
    const [high] = await decide([item], [0.95]);
    expect(high).toMatchObject({ status: "COMPLETE", judgments_count: 3, judgments_wanted: 3 });
    const { rows } = await h.db.pool.query("SELECT completed_at FROM items WHERE id = $1", [item]);
    expect(rows[0].completed_at).not.toBeNull();
  });

  it("completes at the max without a decision, and on p_more = false below the target", async () => {
    const r = await h.user("RESEARCHER");
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId, itemIds } = await seedProject(h, r, annotators, { items: 2 });
    await patchProject(r, projectId, { overlap: { min: 1, max: 2, target: 0.99 } });
    await answerAll(annotators[0]!, projectId);
    const decided = await decide(itemIds, [0.5, 0.5], [null, false]);
    const byId = new Map(decided.map((d) => [d.item_id, d]));
    expect(byId.get(itemIds[0]!)).toMatchObject({ status: "OPEN", judgments_wanted: 2 });
    expect(byId.get(itemIds[1]!)).toMatchObject({ status: "COMPLETE", judgments_wanted: 1 });
    await answerAll(annotators[1]!, projectId);
    expect(await itemRow(itemIds[0]!)).toMatchObject({ status: "COMPLETE", judgments_count: 2 });
  });

  it("a judgment racing a decision is counted against the wanted count the decision leaves", async () => {
    const r = await h.user("RESEARCHER");
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId, itemIds } = await seedProject(h, r, annotators, { items: 1 });
    await patchProject(r, projectId, { overlap: { min: 2, max: 3, target: 0.9 } });
    const item = itemIds[0]!;
    const first = (await takeAssignment(h, annotators[0]!, projectId)).assignment!;
    const second = (await takeAssignment(h, annotators[1]!, projectId)).assignment!;
    expect((await judge(h, annotators[0]!, first.id)).statusCode).toBe(201);

    // The decision holds the item's row lock while the second answer arrives.
    const client = await h.db.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT * FROM arbiter_decide_items($1::uuid[], '{0.99}', '{7}', '{NULL}')", [
        [item],
      ]);
      const answer = judge(h, annotators[1]!, second.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query("COMMIT");
      const res = await answer;
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().judgment.counted).toBe(true);
    } finally {
      client.release();
    }
    // The decision saw one answer (below wanted): it stored, and left the item to the answer.
    expect(await itemRow(item)).toMatchObject({ status: "OPEN", judgments_count: 2, judgments_wanted: 2 });
    // The answer that filled it moved it to the end of the lease order; NULL keeps that.
    expect((await decide([item], [null]))[0]).toMatchObject({ status: "COMPLETE", priority: WAITING });
  });

  it("a replayed answer and an expired lease keep the count at or below the wanted count", async () => {
    const r = await h.user("RESEARCHER");
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId, itemIds } = await seedProject(h, r, annotators, { items: 1, leaseSeconds: 30 });
    await patchProject(r, projectId, { overlap: { min: 1, max: 3, target: 0.9 } });
    const item = itemIds[0]!;
    const late = (await takeAssignment(h, annotators[0]!, projectId)).assignment!;
    await h.db.pool.query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      late.id,
    ]);
    const fresh = (await takeAssignment(h, annotators[1]!, projectId)).assignment!;
    const key = randomUUID();
    const once = await judge(h, annotators[1]!, fresh.id, { choice: "B" }, key);
    const again = await judge(h, annotators[1]!, fresh.id, { choice: "B" }, key);
    expect(again.json().judgment.id).toBe(once.json().judgment.id);
    const lateAnswer = await judge(h, annotators[0]!, late.id);
    expect(lateAnswer.statusCode).toBe(201);
    expect(lateAnswer.json().judgment.counted).toBe(false);
    expect(await itemRow(item)).toMatchObject({ status: "OPEN", judgments_count: 1, judgments_wanted: 1 });
    expect((await takeAssignment(h, annotators[2]!, projectId)).assignment).toBeNull();
  });
});
