import { randomUUID } from "node:crypto";
import { ADAPTIVE_JOBS, createAdaptiveQueue, createWorkerConnection } from "@arbiter/jobs";
import { clearRedisPrefix, waitFor } from "@arbiter/testkit";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-refit-${randomUUID().slice(0, 8)}`;
let h: Harness;
let redis: Redis;

beforeAll(async () => {
  h = await createHarness({ REDIS_URL, REDIS_PREFIX: prefix });
  redis = createWorkerConnection(REDIS_URL);
});
afterAll(async () => {
  await h?.close();
  await redis?.quit();
  await clearRedisPrefix(REDIS_URL, prefix);
});

async function reestimateJobs() {
  const queue = createAdaptiveQueue(redis, { prefix });
  try {
    return (await queue.getJobs(["delayed", "waiting", "active"])).filter(
      (j) => j.name === ADAPTIVE_JOBS.reestimate,
    );
  } finally {
    await queue.close();
  }
}

/** Every annotator answers everything the project hands them. */
async function answerAll(annotators: TestUser[], projectId: string) {
  let answered = 0;
  for (const a of annotators) {
    let { assignment } = await takeAssignment(h, a, projectId);
    while (assignment) {
      const res = await judge(h, a, assignment.id, { choice: "A" });
      expect(res.statusCode, res.body).toBe(201);
      answered += 1;
      assignment = res.json().next;
    }
  }
  return answered;
}

describe("refits asked for after answers", () => {
  it("many answers to an adaptive project ask for one refit; a fixed, uniform project asks for none", async () => {
    const owner = await h.user("RESEARCHER");
    const annotators = await Promise.all([1, 2, 3].map(() => h.user("ANNOTATOR")));
    const fixed = await seedProject(h, owner, annotators, { items: 3, judgmentsPerItem: 3 });
    expect(await answerAll(annotators, fixed.projectId)).toBe(9);

    const adaptive = await seedProject(h, owner, annotators, { items: 6, judgmentsPerItem: 3 });
    const patched = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/projects/${adaptive.projectId}`,
      headers: bearer(owner),
      payload: { selection: "label-confidence" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await answerAll(annotators, adaptive.projectId)).toBe(18);

    await waitFor(async () => (await reestimateJobs()).length > 0, {
      what: "the refit job",
      timeoutMs: 10_000,
    });
    const jobs = await reestimateJobs();
    expect(jobs.map((j) => j.data)).toEqual([{ projectId: adaptive.projectId }]);
  });
});

describe("the quality response", () => {
  it("carries the worker's estimates and the adaptive summary", async () => {
    const owner = await h.user("RESEARCHER");
    const annotators = await Promise.all([1, 2].map(() => h.user("ANNOTATOR")));
    const { projectId, itemIds } = await seedProject(h, owner, annotators, { items: 4 });
    await h.db.pool.query(
      "UPDATE projects SET overlap_min = 1, overlap_target = 0.9, judgments_per_item = 3 WHERE id = $1",
      [projectId],
    );
    // Four items of at most 3 answers: two completed early (1 and 2 answers), one waiting for
    // a decision at its wanted count, one untouched.
    await h.db.pool.query(
      `UPDATE items SET judgments_max = 3, judgments_wanted = v.wanted, judgments_count = v.count,
              status = v.status::"ItemStatus", confidence = v.confidence
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::float8[]) AS v(id, wanted, count, status, confidence)
        WHERE items.id = v.id`,
      [
        itemIds,
        [1, 2, 1, 1],
        [1, 2, 1, 0],
        ["COMPLETE", "COMPLETE", "OPEN", "OPEN"],
        [0.95, 0.92, 0.6, null],
      ],
    );
    await h.db.pool.query(
      `INSERT INTO annotator_estimates (project_id, user_id, answers, accuracy, accuracy_low, accuracy_high, position_bias)
       VALUES ($1, $2, 3, 0.91, 0.7, 0.98, 0.05), ($1, $3, 1, 0.6, 0.3, 0.85, -0.2)`,
      [projectId, annotators[0]!.id, annotators[1]!.id],
    );
    const res = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/quality`,
      headers: bearer(owner),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.estimates).toEqual([
      {
        userId: annotators[0]!.id,
        answers: 3,
        accuracy: 0.91,
        accuracyInterval: { low: 0.7, high: 0.98 },
        positionBias: 0.05,
      },
      {
        userId: annotators[1]!.id,
        answers: 1,
        accuracy: 0.6,
        accuracyInterval: { low: 0.3, high: 0.85 },
        positionBias: -0.2,
      },
    ]);
    expect(body.adaptive).toEqual({
      selection: "uniform",
      overlap: { min: 1, max: 3, target: 0.9 },
      fittedAt: null,
      items: 4,
      spent: 4,
      // (3 − 1) + (3 − 2) on the completed items.
      saved: 3,
      atTarget: 2,
      awaitingDecision: 1,
    });
  });

  it("has no adaptive summary nor estimates for a fixed, uniform project", async () => {
    const owner = await h.user("RESEARCHER");
    const { projectId } = await seedProject(h, owner, [await h.user("ANNOTATOR")], { items: 1 });
    const res = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/quality`,
      headers: bearer(owner),
    });
    expect(res.json()).toMatchObject({ estimates: [], adaptive: null });
  });
});
