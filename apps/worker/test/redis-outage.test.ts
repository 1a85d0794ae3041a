import type { TRunningModelServer } from "@arbiter/model-server";
import { startDedicatedRedis, type TDedicatedRedis } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationFixture, duplicateCompletions, type GenerationFixture } from "./support/generation";

let redis: TDedicatedRedis;
let f: GenerationFixture;
let server: TRunningModelServer;

beforeAll(async () => {
  redis = await startDedicatedRedis();
  f = await createGenerationFixture(redis.url);
  server = await f.startModelServer({ models: ["outage"], faults: { latencyMs: 100 } });
});
afterAll(async () => {
  await f?.close();
  await redis?.destroy();
});

describe("generation with its Redis down for a while", () => {
  it("waits while Redis is gone, resumes when it returns, and loses or repeats no sample", async () => {
    const { projectId, userId } = await f.seedProject(40);
    const g = await f.addGenerator(projectId, { baseUrl: server.url, model: "outage", concurrency: 4 });
    const worker = f.startWorker();
    try {
      const runId = await f.startRun(projectId, userId, [g], 2);
      const count = () => f.db.prisma.completion.count({ where: { runId } });
      while ((await count()) < 10) await sleep(20);

      await redis.kill();
      // Jobs already past the limiter may still land; after that nothing moves.
      await sleep(1_500);
      const settled = await count();
      await sleep(1_500);
      expect(await count()).toBe(settled);
      expect(settled).toBeLessThan(80);

      await redis.start();
      const run = await f.waitForRun(runId, 90_000);
      expect(run).toMatchObject({ status: "SUCCEEDED", done: 80, failed: 0 });
      expect(await count()).toBe(80);
      expect(await duplicateCompletions(f.db)).toBe(0);
    } finally {
      await worker.close();
    }
  });
});

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
