import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  cappedExponentialBackoff,
  createGenerationQueue,
  createProducerConnection,
  enqueuePlanRun,
  enqueueSampleBatches,
} from "../src";

describe("cappedExponentialBackoff", () => {
  it("doubles per attempt, stays within [step/2, step] and never passes the cap", () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect(cappedExponentialBackoff(1, 100, 10_000, undefined, low)).toBe(50);
    expect(cappedExponentialBackoff(1, 100, 10_000, undefined, high)).toBe(99);
    expect(cappedExponentialBackoff(4, 100, 10_000, undefined, low)).toBe(400);
    expect(cappedExponentialBackoff(30, 100, 10_000, undefined, high)).toBeLessThanOrEqual(10_000);
    expect(cappedExponentialBackoff(30, 100, 10_000, undefined, low)).toBe(5_000);
  });

  it("waits at least as long as a Retry-After asks, within the cap", () => {
    const err = Object.assign(new Error("429"), { retryAfterMs: 3_000 });
    expect(cappedExponentialBackoff(1, 100, 10_000, err, () => 0)).toBe(3_000);
    err.retryAfterMs = 60_000;
    expect(cappedExponentialBackoff(1, 100, 10_000, err, () => 0)).toBe(10_000);
  });
});

describe("enqueueing against real Redis", () => {
  const prefix = `test-jobs-${randomUUID().slice(0, 8)}`;
  const connection = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const queue = createGenerationQueue(connection, { prefix });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  });

  it("adds a run's plan and its sample batches once, however often it is asked", async () => {
    const runId = randomUUID();
    const batches = Array.from({ length: 1_200 }, () => {
      const sampleIds = [randomUUID(), randomUUID()];
      return { firstSampleId: sampleIds[0]!, sampleIds };
    });
    await enqueuePlanRun(queue, runId);
    await enqueuePlanRun(queue, runId);
    await enqueueSampleBatches(queue, runId, batches);
    // A batch enqueued again (a re-plan, the recovery sweep) is found by its first sample.
    await enqueueSampleBatches(
      queue,
      runId,
      batches.slice(0, 700).map((b) => ({ ...b, sampleIds: b.sampleIds.slice(1) })),
    );
    expect(await queue.getJobCounts("waiting")).toEqual({ waiting: 1_201 });
    const job = await queue.getJob(`samples-${batches[3]!.firstSampleId}`);
    expect(job?.data).toEqual({ runId, sampleIds: batches[3]!.sampleIds });
    expect(job?.name).toBe("sample-batch");
    expect(job?.opts.attempts).toBe(10);
  });
});
