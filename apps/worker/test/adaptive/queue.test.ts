import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@arbiter/db/testing";
import { ADAPTIVE_JOBS, createAdaptiveQueue, enqueueReestimate } from "@arbiter/jobs";
import { clearRedisPrefix, waitFor } from "@arbiter/testkit";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseWorkerEnv } from "../../src/env";
import { adaptiveProcessor } from "../../src/processors/adaptive";
import { startWorkers } from "../../src/start-workers";
import { REDIS_URL, TEST_ENV } from "../support/generation";
import { plantCrowd } from "../support/planted-crowd";

let db: TestDatabase;
let redis: Redis;
const prefix = `test-adaptive-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await redis?.quit();
  await db?.drop();
  await clearRedisPrefix(REDIS_URL, prefix);
});

function env(overrides: Record<string, string> = {}) {
  return parseWorkerEnv({ ...TEST_ENV, DATABASE_URL: db.url, REDIS_URL, REDIS_PREFIX: prefix, ...overrides });
}

it("a burst of refit requests for a project becomes one job", async () => {
  const queue = createAdaptiveQueue(redis, { prefix: `${prefix}-burst` });
  try {
    const projectId = randomUUID();
    await Promise.all(Array.from({ length: 50 }, () => enqueueReestimate(queue, projectId)));
    await enqueueReestimate(queue, randomUUID());
    const jobs = await queue.getJobs(["delayed", "waiting"]);
    expect(jobs.filter((j) => j.data.projectId === projectId)).toHaveLength(1);
    expect(jobs).toHaveLength(2);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

it("registers the sweep's schedule once however many workers start", async () => {
  const logger = pino({ level: "silent" });
  const deps = { env: env(), db, redis, prefix: `${prefix}-schedule`, logger };
  const first = adaptiveProcessor.create(deps);
  const second = adaptiveProcessor.create(deps);
  const queue = createAdaptiveQueue(redis, { prefix: deps.prefix });
  try {
    await waitFor(async () => (await queue.getJobSchedulersCount()) > 0, {
      what: "the schedule",
      timeoutMs: 10_000,
    });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([ADAPTIVE_JOBS.sweep]);
  } finally {
    await first.close?.();
    await second.close?.();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

it("the scheduled sweep refits an adaptive project that got answers, and the refit decides its items", async () => {
  const crowd = await plantCrowd(db.pool, {
    annotators: 4,
    selection: "label-confidence",
    overlap: { min: 3, max: 5, target: 0.9 },
    items: [
      {
        models: ["m-a", "m-b"],
        answers: [0, 1, 2].map((annotator) => ({ annotator, answer: "first" as const })),
        wanted: 3,
        max: 5,
      },
    ],
  });
  const running = startWorkers(
    { env: env({ ADAPTIVE_SWEEP_INTERVAL_MS: "200" }), db, redis, prefix, logger: pino({ level: "silent" }) },
    [adaptiveProcessor],
  );
  try {
    await waitFor(
      async () =>
        (await db.prisma.item.findUniqueOrThrow({ where: { id: crowd.itemIds[0]! } })).status === "COMPLETE",
      { what: "the sweep's refit to complete the unanimous item", timeoutMs: 30_000 },
    );
    expect(
      await db.pool.query("SELECT 1 FROM annotator_estimates WHERE project_id = $1", [crowd.projectId]),
    ).toHaveProperty("rowCount", 3);
  } finally {
    await running.close();
  }
});
