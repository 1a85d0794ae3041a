import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGeneratorLimiter } from "../src/features/generation/generator-limiter";
import { createRequestSlots } from "../src/features/generation/request-slots";
import { runBatch } from "../src/features/generation/run-batch";
import type { InferenceClient } from "../src/inference/client";
import { createGenerationFixture, type GenerationFixture, REDIS_URL } from "./support/generation";

let f: GenerationFixture;
let redis: Redis;

beforeAll(async () => {
  f = await createGenerationFixture();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  redis?.disconnect();
  await f?.close();
});

/**
 * An inference client whose answers all arrive in the same turn of the event loop, as a
 * model server's do when it answers a burst at once: the lanes then race for the last
 * samples. (Timing is the point here, so the answers come from this seam, not over HTTP.)
 */
function burstInference(asked: string[]): Pick<InferenceClient, "complete"> {
  let waiting: (() => void)[] = [];
  return {
    complete: async (_target, prompt) => {
      asked.push(JSON.stringify(prompt.messages));
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 1)
          setTimeout(() => {
            const now = waiting;
            waiting = [];
            for (const r of now) r();
          }, 5);
      });
      return {
        text: "An answer.",
        model: "burst",
        finishReason: "stop",
        promptTokens: 3,
        completionTokens: 2,
        latencyMs: 5,
        status: 200,
        requestParams: {},
      };
    },
  };
}

describe("a batch's lanes", () => {
  it("outnumbering the samples left, never take a sample twice nor fail the job", async () => {
    const { projectId, userId } = await f.seedProject(9);
    const generatorId = await f.addGenerator(projectId, {
      baseUrl: "http://127.0.0.1:9/v1",
      model: "burst",
      concurrency: 50,
    });
    const run = await f.db.prisma.generationRun.create({
      data: {
        projectId,
        generatorIds: [generatorId],
        samplesPerPrompt: 1,
        createdById: userId,
        status: "RUNNING",
      },
    });
    const { rows } = await f.db.pool.query<{ id: string }>(
      `INSERT INTO generation_samples (run_id, prompt_id, generator_id, sample_index)
       SELECT $1, p.id, $2, 0 FROM prompts p WHERE p.project_id = $3 RETURNING id`,
      [run.id, generatorId, projectId],
    );
    const asked: string[] = [];
    const outcome = await runBatch(
      {
        pool: f.db.pool,
        inference: burstInference(asked),
        limiter: createGeneratorLimiter(redis, f.prefix, { leaseMs: 60_000, renewAfterMs: 20_000 }),
        // Eight request slots: the job opens eight lanes for its nine samples and no more.
        requestSlots: createRequestSlots(8),
      },
      run.id,
      rows.map((r) => r.id),
      { holder: "burst-job", maxAttempts: 3, backoffMs: () => 10 },
    );
    // Eight lanes answer together with one sample left: all of them go for it at once.
    expect(outcome).toEqual({ kind: "done", stored: 9, failed: 0 });
    expect(asked).toHaveLength(9);
    expect(new Set(asked).size).toBe(9);
    const done = await f.db.pool.query("SELECT count(*)::int AS n FROM completions WHERE run_id = $1", [
      run.id,
    ]);
    expect(done.rows[0].n).toBe(9);
  });
});
