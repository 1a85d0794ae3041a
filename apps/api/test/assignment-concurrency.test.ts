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
});
