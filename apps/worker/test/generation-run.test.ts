import type { TRunningModelServer } from "@arbiter/model-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationFixture, type GenerationFixture } from "./support/generation";

let f: GenerationFixture;
let server: TRunningModelServer;

beforeAll(async () => {
  f = await createGenerationFixture();
  server = await f.startModelServer({
    models: ["stand-in-a", "stand-in-b", "flaky-a", "flaky-b", "good", "bad", "slow", "narrow"],
  });
});
afterAll(async () => f?.close());

async function completionCounts(runId: string) {
  const { rows } = await f.db.pool.query(
    `SELECT count(*)::int AS total,
            count(DISTINCT (prompt_id, generator_id, sample_index))::int AS distinct_samples
       FROM completions WHERE run_id = $1`,
    [runId],
  );
  return rows[0] as { total: number; distinct_samples: number };
}

describe("a generation run against the model server", () => {
  it("50 prompts x 2 generators x 2 samples gives exactly 200 completions with their metadata", async () => {
    const { projectId, userId } = await f.seedProject(50);
    const a = await f.addGenerator(projectId, { baseUrl: server.url, model: "stand-in-a" });
    const b = await f.addGenerator(projectId, {
      baseUrl: server.url,
      model: "stand-in-b",
      params: { max_tokens: 24, seed: 7, top_p: 0.9 },
    });
    const worker = f.startWorker();
    try {
      const runId = await f.startRun(projectId, userId, [a, b], 2);
      const run = await f.waitForRun(runId);
      expect(run).toMatchObject({ status: "SUCCEEDED", done: 200, failed: 0, total: 200 });
      expect(await completionCounts(runId)).toEqual({ total: 200, distinct_samples: 200 });

      const seeded = await f.db.prisma.completion.findMany({
        where: { generatorId: b },
        orderBy: { sampleIndex: "asc" },
      });
      expect(seeded).toHaveLength(100);
      const sample = seeded.find((c) => c.sampleIndex === 1)!;
      expect(sample).toMatchObject({ source: "GENERATED", model: "stand-in-b", seed: 8 });
      expect(sample.params).toMatchObject({ max_tokens: 24, top_p: 0.9, seed: 8 });
      expect(sample.text.length).toBeGreaterThan(0);
      expect(sample.finishReason).toMatch(/stop|length/);
      expect(sample.promptTokens).toBeGreaterThan(0);
      expect(sample.completionTokens).toBeGreaterThan(0);
      expect(sample.latencyMs).toBeGreaterThanOrEqual(0);

      // A second run over the same generators finds every sample already there.
      const again = await f.startRun(projectId, userId, [a, b], 2);
      expect(await f.waitForRun(again)).toMatchObject({ status: "SUCCEEDED", done: 200, failed: 0 });
      expect(await f.db.prisma.completion.count()).toBe(200);
    } finally {
      await worker.close();
    }
  });

  it("still gives exactly 200 with 30% injected 500s, 10% timeouts, 429s and dropped connections", async () => {
    const { projectId, userId } = await f.seedProject(50);
    const a = await f.addGenerator(projectId, { baseUrl: server.url, model: "flaky-a" });
    const b = await f.addGenerator(projectId, { baseUrl: server.url, model: "flaky-b" });
    server.setFaults({ rate500: 0.3, timeoutRate: 0.1, rate429: 0.05, dropRate: 0.05, retryAfterSeconds: 0 });
    const worker = f.startWorker();
    try {
      const before = server.stats();
      const runId = await f.startRun(projectId, userId, [a, b], 2);
      const run = await f.waitForRun(runId, 120_000);
      expect(run).toMatchObject({ status: "SUCCEEDED", done: 200, failed: 0 });
      expect(await completionCounts(runId)).toEqual({ total: 200, distinct_samples: 200 });
      const after = server.stats();
      // The faults really happened, and were retried through.
      expect(after.status500 - before.status500).toBeGreaterThan(20);
      expect(after.timedOut - before.timedOut).toBeGreaterThan(5);
      const retried = await f.db.pool.query(
        "SELECT count(*)::int AS n FROM generation_samples WHERE run_id = $1 AND attempts > 0",
        [runId],
      );
      expect(retried.rows[0].n).toBeGreaterThan(20);
      // Half the requests fail, so nearly every job of 4 has a failing sample: had a retry asked
      // for the whole job again, the stored samples would have been requested twice (about a
      // hundred more). A few extra successes are allowed for a request that passed the fault
      // gate yet outlived the client's 1 s timeout on a loaded machine.
      expect(after.ok - before.ok).toBeLessThanOrEqual(220);
    } finally {
      server.setFaults({});
      await worker.close();
    }
  });

  it("a 400 fails its samples, classified without the server's text, while the other generator completes", async () => {
    const { projectId, userId } = await f.seedProject(5);
    const good = await f.addGenerator(projectId, { baseUrl: server.url, model: "good" });
    // The stand-in, like vLLM, rejects a temperature above 2.
    const bad = await f.addGenerator(projectId, {
      baseUrl: server.url,
      model: "bad",
      params: { temperature: 5 },
    });
    const worker = f.startWorker();
    try {
      const before = server.stats();
      const runId = await f.startRun(projectId, userId, [good, bad], 1);
      const run = await f.waitForRun(runId);
      expect(run).toMatchObject({ status: "SUCCEEDED", done: 5, failed: 5 });
      const failed = await f.db.prisma.generationSample.findMany({ where: { runId, status: "FAILED" } });
      expect(failed.map((s) => s.generatorId)).toEqual(Array(5).fill(bad));
      for (const s of failed) {
        // The class and status only: what the server said is not stored (it may not be a model server).
        expect(s.error).toMatch(/^bad_request \(HTTP 400\): /);
        expect(s.error).not.toMatch(/temperature/i);
        // Not retried: one request per failed sample.
        expect(s.attempts).toBe(1);
      }
      const after = server.stats();
      expect(after.ok - before.ok).toBe(10);
    } finally {
      await worker.close();
    }
  });

  it("a 400 for one prompt fails that sample alone; the rest of its job is stored", async () => {
    const { projectId, userId, promptIds } = await f.seedProject(12);
    // Every third prompt is longer than the stand-in's context window, so its request is
    // refused with a 400 while the other samples of the same job of 4 succeed.
    const oversized = promptIds.filter((_, i) => i % 3 === 0);
    await f.db.prisma.prompt.updateMany({
      where: { id: { in: oversized } },
      data: { messages: [{ role: "user", content: "why ".repeat(9_000) }] },
    });
    const g = await f.addGenerator(projectId, { baseUrl: server.url, model: "good" });
    const worker = f.startWorker();
    try {
      const runId = await f.startRun(projectId, userId, [g], 1);
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 8, failed: 4 });
      const samples = await f.db.prisma.generationSample.findMany({ where: { runId } });
      for (const s of samples) {
        if (oversized.includes(s.promptId)) {
          expect(s).toMatchObject({ status: "FAILED", attempts: 1, completionId: null });
          expect(s.error).toMatch(/^bad_request \(HTTP 400\): /);
        } else {
          expect(s).toMatchObject({ status: "DONE", attempts: 0, error: null });
          expect(s.completionId).not.toBeNull();
        }
      }
      expect(await completionCounts(runId)).toEqual({ total: 8, distinct_samples: 8 });
    } finally {
      await worker.close();
    }
  });

  it("garbage from the server (wrong schema, non-JSON) fails samples with a clear message", async () => {
    const { projectId, userId } = await f.seedProject(3);
    const g = await f.addGenerator(projectId, { baseUrl: server.url, model: "bad" });
    const worker = f.startWorker({ GENERATION_ATTEMPTS: "3" });
    try {
      for (const mode of ["wrong-schema", "non-json"] as const) {
        server.setFaults({ garbageRate: 1, garbageMode: mode });
        await f.db.prisma.completion.deleteMany({ where: { generatorId: g } });
        const runId = await f.startRun(projectId, userId, [g], 1);
        expect(await f.waitForRun(runId), mode).toMatchObject({ status: "FAILED", done: 0, failed: 3 });
        const samples = await f.db.prisma.generationSample.findMany({ where: { runId } });
        for (const s of samples) {
          expect(s.error, mode).toMatch(
            mode === "wrong-schema"
              ? /^bad_response: .*not an OpenAI-compatible/
              : /^gave up after retries: bad_response: /,
          );
        }
      }
    } finally {
      server.setFaults({});
      await worker.close();
    }
  });

  it("cancel stops the run: nothing is written after it", async () => {
    const { projectId, userId } = await f.seedProject(40);
    const slow = await f.addGenerator(projectId, { baseUrl: server.url, model: "slow", concurrency: 2 });
    server.setFaults({ latencyMs: 50 });
    const worker = f.startWorker();
    try {
      const runId = await f.startRun(projectId, userId, [slow], 2);
      while ((await f.db.prisma.completion.count({ where: { runId } })) < 5) await sleep(20);
      // What the API's cancel does: the run, then its pending samples.
      await f.db.prisma.generationRun.update({ where: { id: runId }, data: { status: "CANCELLED" } });
      await f.db.prisma.generationSample.updateMany({
        where: { runId, status: "PENDING" },
        data: { status: "CANCELLED" },
      });
      const atCancel = await f.db.prisma.completion.count({ where: { runId } });
      await sleep(1_000);
      expect(await f.db.prisma.completion.count({ where: { runId } })).toBe(atCancel);
      expect(atCancel).toBeLessThan(80);
      const waiting = await f.queue.getJobCounts("active", "waiting", "delayed");
      expect(waiting).toEqual({ active: 0, waiting: 0, delayed: 0 });
    } finally {
      server.setFaults({});
      await worker.close();
    }
  });

  it("a queue that lost every job (Redis restarted empty) is refilled and the run completes exactly", async () => {
    const { projectId, userId } = await f.seedProject(40);
    const g = await f.addGenerator(projectId, { baseUrl: server.url, model: "slow", concurrency: 4 });
    server.setFaults({ latencyMs: 20 });
    let worker = f.startWorker();
    try {
      const runId = await f.startRun(projectId, userId, [g], 2);
      while ((await f.db.prisma.completion.count({ where: { runId } })) < 10) await sleep(20);
      await worker.close();
      await f.queue.obliterate({ force: true });
      expect(await f.queue.getJobCounts("waiting", "delayed")).toEqual({ waiting: 0, delayed: 0 });
      worker = f.startWorker();
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 80, failed: 0 });
      expect(await f.db.prisma.completion.count({ where: { runId } })).toBe(80);
    } finally {
      server.setFaults({});
      await worker.close();
    }
  });

  it("the generator's concurrency limit holds across two worker processes' worth of slots", async () => {
    const { projectId, userId } = await f.seedProject(30);
    const narrow = await f.addGenerator(projectId, { baseUrl: server.url, model: "narrow", concurrency: 3 });
    server.setFaults({ latencyMs: 30 });
    const workers = [f.startWorker(), f.startWorker()];
    const seen: number[] = [];
    const poll = setInterval(async () => {
      const slots = await workers[0]!.redis.zcard(`${f.prefix}:generator:${narrow}:slots`);
      seen.push(slots);
    }, 5);
    try {
      const runId = await f.startRun(projectId, userId, [narrow], 1);
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 30 });
      expect(Math.max(...seen)).toBeLessThanOrEqual(3);
      expect(Math.max(...seen)).toBeGreaterThan(0);
    } finally {
      clearInterval(poll);
      server.setFaults({});
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
