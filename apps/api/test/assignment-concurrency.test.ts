import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { createHarness, type Harness, type TestUser } from "./support/harness";

// No Redis at this address: the annotation hot path must not need it.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ REDIS_URL: "redis://127.0.0.1:1" });
});
afterAll(async () => h?.close());

async function annotate(user: TestUser, projectId: string): Promise<number> {
  let judged = 0;
  let { assignment } = await takeAssignment(h, user, projectId);
  while (assignment) {
    const key = randomUUID();
    let res = await judge(h, user, assignment.id, { choice: Math.random() < 0.5 ? "A" : "B" }, key);
    // Every tenth answer is sent twice, as a client retrying after a lost response would.
    if (Math.random() < 0.1) res = await judge(h, user, assignment.id, { choice: "A" }, key);
    expect(res.statusCode).toBe(201);
    judged += 1;
    assignment = res.json().next;
  }
  return judged;
}

describe("assignment under concurrency", () => {
  it("50 annotators on 200 items with overlap 3 end with exactly 600 counted judgments", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators: TestUser[] = [];
    for (let i = 0; i < 50; i++) annotators.push(await h.user("ANNOTATOR"));
    const { projectId } = await seedProject(h, researcher, annotators, { items: 200, judgmentsPerItem: 3 });

    const judged = await Promise.all(annotators.map((a) => annotate(a, projectId)));
    expect(judged.reduce((s, n) => s + n, 0)).toBe(600);

    const { rows } = await h.db.pool.query<{
      judgments: number;
      counted: number;
      pairs: number;
      incomplete: number;
      wrong_counts: number;
    }>(
      `SELECT (SELECT count(*)::int FROM judgments WHERE project_id = $1) AS judgments,
              (SELECT count(*)::int FROM judgments WHERE project_id = $1 AND counted) AS counted,
              (SELECT count(DISTINCT (item_id, annotator_id))::int FROM judgments WHERE project_id = $1) AS pairs,
              (SELECT count(*)::int FROM items WHERE project_id = $1 AND status <> 'COMPLETE') AS incomplete,
              (SELECT count(*)::int FROM items i WHERE project_id = $1 AND judgments_count <>
                 (SELECT count(*) FROM judgments j WHERE j.item_id = i.id AND j.counted)) AS wrong_counts`,
      [projectId],
    );
    expect(rows[0]).toEqual({ judgments: 600, counted: 600, pairs: 600, incomplete: 0, wrong_counts: 0 });
  });

  it("one batch lease reaches past candidates its annotators have all seen, and overfills nothing", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators: TestUser[] = [];
    for (let i = 0; i < 30; i++) annotators.push(await h.user("ANNOTATOR"));
    const ids = annotators.map((a) => a.id);
    const { projectId, itemIds } = await seedProject(h, researcher, annotators, {
      items: 60,
      judgmentsPerItem: 2,
    });
    // The first pass's candidates (half the batch plus 8): one answer each, from every annotator.
    const seen = itemIds.slice(0, 30 / 2 + 8);
    await h.db.pool.query(
      `INSERT INTO annotator_states (project_id, user_id, status) SELECT $1, unnest($2::uuid[]), 'ADMITTED'`,
      [projectId, ids],
    );
    await h.db.pool.query("UPDATE items SET judgments_count = 1 WHERE id = ANY ($1::uuid[])", [seen]);
    await h.db.pool.query(
      `INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at)
       SELECT i.id, $2, u.id, 'SUBMITTED',
              (SELECT array_agg(ic.completion_id ORDER BY ic.position) FROM item_completions ic WHERE ic.item_id = i.id),
              now()
         FROM unnest($1::uuid[]) AS i(id), unnest($3::uuid[]) AS u(id)`,
      [seen, projectId, ids],
    );

    const { rows: leased } = await h.db.pool.query<{ assignment_id: string | null }>(
      "SELECT assignment_id FROM arbiter_lease_many($1, $2::uuid[], 600)",
      [projectId, ids],
    );
    // (A statement does not see the rows the function it calls wrote: read them in the next.)
    const { rows } = await h.db.pool.query<{ item_id: string | null }>(
      "SELECT a.item_id FROM unnest($1::uuid[]) AS l(id) LEFT JOIN assignments a ON a.id = l.id",
      [leased.map((r) => r.assignment_id)],
    );
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.item_id !== null && !seen.includes(r.item_id))).toBe(true);
    const { rows: over } = await h.db.pool.query(
      `SELECT i.id FROM items i WHERE i.project_id = $1 AND i.judgments_count +
         (SELECT count(*) FROM assignments a WHERE a.item_id = i.id AND a.status = 'ACTIVE') > i.judgments_wanted`,
      [projectId],
    );
    expect(over).toEqual([]);
  });
});
