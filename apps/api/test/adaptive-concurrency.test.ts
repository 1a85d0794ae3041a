import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

// No Redis at this address: the annotation hot path must not need it.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ REDIS_URL: "redis://127.0.0.1:1" });
});
afterAll(async () => h?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function projectDone(projectId: string): Promise<boolean> {
  const { rows } = await h.db.pool.query(
    "SELECT count(*)::int AS open FROM items WHERE project_id = $1 AND status = 'OPEN'",
    [projectId],
  );
  return rows[0].open === 0;
}

/** Answers what the project hands out, every tenth answer sent twice as a retrying client would. */
async function annotate(user: TestUser, projectId: string): Promise<void> {
  let { assignment } = await takeAssignment(h, user, projectId);
  while (assignment) {
    const key = randomUUID();
    let res = await judge(h, user, assignment.id, { choice: Math.random() < 0.5 ? "A" : "B" }, key);
    if (Math.random() < 0.1) res = await judge(h, user, assignment.id, { choice: "A" }, key);
    expect(res.statusCode, res.body).toBe(201);
    assignment = res.json().next;
  }
}

/** The worker's part, played crudely: decide every item at its wanted count at a random confidence. */
async function decideDue(projectId: string): Promise<void> {
  const { rows } = await h.db.pool.query<{ id: string }>(
    "SELECT id FROM items WHERE project_id = $1 AND status = 'OPEN' AND judgments_count >= judgments_wanted",
    [projectId],
  );
  if (rows.length === 0) return;
  await h.db.pool.query("SELECT arbiter_decide_items($1::uuid[], $2::float8[], $3::int[], $4::boolean[])", [
    rows.map((r) => r.id),
    rows.map(() => Math.random()),
    rows.map(() => null),
    rows.map(() => null),
  ]);
}

/**
 * Rounds until the project is complete: every annotator answers until nothing is left to
 * lease while the worker decides items as they come due, then the worker decides the rest.
 */
async function collectUntilDone(annotators: TestUser[], projectId: string): Promise<void> {
  while (!(await projectDone(projectId))) {
    let answering = true;
    const deciding = (async () => {
      while (answering) {
        await decideDue(projectId);
        await sleep(50);
      }
    })();
    await Promise.all(annotators.map((a) => annotate(a, projectId)));
    answering = false;
    await deciding;
    await decideDue(projectId);
  }
}

describe("adaptive collection under concurrency", () => {
  it("20 annotators and a deciding worker on 60 dynamic items: no item past its wanted count or its max", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators: TestUser[] = [];
    for (let i = 0; i < 20; i++) annotators.push(await h.user("ANNOTATOR"));
    const { projectId } = await seedProject(h, researcher, annotators, { items: 60, judgmentsPerItem: 5 });
    const patch = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/projects/${projectId}`,
      headers: bearer(researcher),
      payload: { overlap: { min: 2, max: 5, target: 0.7 } },
    });
    expect(patch.statusCode).toBe(200);

    await collectUntilDone(annotators, projectId);

    const { rows } = await h.db.pool.query(
      `SELECT count(*) FILTER (WHERE judgments_count > judgments_wanted OR judgments_wanted > judgments_max)::int AS over,
              count(*) FILTER (WHERE judgments_count <> (SELECT count(*) FROM judgments j
                                                          WHERE j.item_id = i.id AND j.counted))::int AS wrong_counts,
              count(*) FILTER (WHERE judgments_count < judgments_max AND confidence < 0.7)::int AS early_unsure,
              count(*) FILTER (WHERE judgments_count < 2)::int AS below_min,
              (SELECT count(DISTINCT (item_id, annotator_id)) - count(*) FROM judgments
                WHERE project_id = $1)::int AS doubled
         FROM items i WHERE project_id = $1`,
      [projectId],
    );
    expect(rows[0]).toEqual({ over: 0, wrong_counts: 0, early_unsure: 0, below_min: 0, doubled: 0 });
  }, 300_000);

  it("counterbalances the first-shown option per item across concurrent leases (|A-first − B-first| ≤ 1)", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators: TestUser[] = [];
    for (let i = 0; i < 40; i++) annotators.push(await h.user("ANNOTATOR"));
    const { projectId, itemIds } = await seedProject(h, researcher, annotators, {
      items: 6,
      judgmentsPerItem: 40,
    });
    // Through the API (arbiter_lease_item, and arbiter_lease_many for the answers' next items)…
    // With six items among twenty annotators the lease scans skip items others hold locked,
    // so an annotator may come away empty-handed: each asks again until it has seen all six.
    const seenAll = async (a: TestUser) => {
      for (let tries = 0; tries < 50; tries++) {
        await annotate(a, projectId);
        const { rows } = await h.db.pool.query(
          "SELECT count(*)::int AS n FROM judgments WHERE project_id = $1 AND annotator_id = $2",
          [projectId, a.id],
        );
        if (rows[0].n === itemIds.length) return;
        await sleep(50);
      }
    };
    await Promise.all(annotators.slice(0, 20).map(seenAll));
    // …and straight into arbiter_lease_many, several callers at once on the same items.
    const rest = annotators.slice(20).map((a) => a.id);
    await Promise.all(
      [0, 1, 2, 3].map((k) =>
        h.db.pool.query("SELECT * FROM arbiter_lease_many($1, $2::uuid[], 600)", [
          projectId,
          rest.slice(k * 5, k * 5 + 5),
        ]),
      ),
    );
    const { rows } = await h.db.pool.query<{ item_id: string; first: string; n: number }>(
      `SELECT a.item_id, a.shown_order[1] = ic.completion_id AS first, count(*)::int AS n
         FROM assignments a JOIN item_completions ic ON ic.item_id = a.item_id AND ic.position = 0
        WHERE a.project_id = $1 GROUP BY 1, 2`,
      [projectId],
    );
    for (const item of itemIds) {
      const a = rows.find((r) => r.item_id === item && r.first)?.n ?? 0;
      const b = rows.find((r) => r.item_id === item && !r.first)?.n ?? 0;
      expect(a + b).toBeGreaterThanOrEqual(20);
      expect(Math.abs(a - b), `item ${item}: ${a} A-first, ${b} B-first`).toBeLessThanOrEqual(1);
    }
  }, 300_000);

  it("rotates the first position through K = 3 options evenly", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators: TestUser[] = [];
    for (let i = 0; i < 9; i++) annotators.push(await h.user("ANNOTATOR"));
    const { projectId } = await seedProject(h, researcher, annotators, {
      items: 1,
      judgmentsPerItem: 9,
      taskType: "ranking",
      optionsPerItem: 3,
    });
    await h.db.pool.query("SELECT * FROM arbiter_lease_many($1, $2::uuid[], 600)", [
      projectId,
      annotators.map((a) => a.id),
    ]);
    const { rows } = await h.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM assignments WHERE project_id = $1 GROUP BY shown_order[1]",
      [projectId],
    );
    expect(rows.map((r) => r.n)).toEqual([3, 3, 3]);
  });
});
