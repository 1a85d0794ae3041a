import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TRunningModelServer } from "@arbiter/model-server";
import { spawnNode, type TProcess } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationFixture, type GenerationFixture } from "./support/generation";

const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let f: GenerationFixture;
let server: TRunningModelServer;

beforeAll(async () => {
  f = await createGenerationFixture();
  server = await f.startModelServer({ models: ["restart-a", "restart-b"], faults: { latencyMs: 20 } });
});
afterAll(async () => f?.close());

/** The worker as it runs in production: its own process, its own signal handling. */
function spawnWorker(): TProcess {
  return spawnNode("src/index.ts", {
    name: "worker",
    cwd: workerDir,
    env: f.env({ LOG_LEVEL: "info", GENERATION_CONCURRENCY: "8" }),
  });
}

async function completions(runId: string) {
  return f.db.prisma.completion.count({ where: { runId } });
}

describe("the worker process", () => {
  it("killed with SIGKILL mid-run, then restarted, finishes without duplicates or lost samples", async () => {
    const { projectId, userId } = await f.seedProject(60);
    const a = await f.addGenerator(projectId, { baseUrl: server.url, model: "restart-a", concurrency: 4 });
    const b = await f.addGenerator(projectId, { baseUrl: server.url, model: "restart-b", concurrency: 4 });
    const runId = await f.startRun(projectId, userId, [a, b], 2);

    const first = spawnWorker();
    const deadline = Date.now() + 60_000;
    while ((await completions(runId)) < 30) {
      if (Date.now() > deadline) throw new Error(`no progress:\n${first.output()}`);
      await sleep(25);
    }
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await completions(runId);
    expect(atKill).toBeLessThan(240);

    const second = spawnWorker();
    try {
      const run = await f.waitForRun(runId, 90_000);
      expect(run).toMatchObject({ status: "SUCCEEDED", done: 240, failed: 0, total: 240 });
      const { rows } = await f.db.pool.query(
        `SELECT count(*)::int AS total, count(DISTINCT (prompt_id, generator_id, sample_index))::int AS distinct_samples
           FROM completions WHERE run_id = $1`,
        [runId],
      );
      expect(rows[0]).toEqual({ total: 240, distinct_samples: 240 });
    } finally {
      second.child.kill("SIGTERM");
      // What the worker printed says why, should it ever exit otherwise.
      expect(await second.exited, second.output()).toBe(0);
      expect(second.output()).toContain("worker stopped");
    }
  });

  it("drains on SIGTERM: jobs in flight finish and are recorded before it exits", async () => {
    const { projectId, userId } = await f.seedProject(40);
    const a = await f.addGenerator(projectId, { baseUrl: server.url, model: "restart-a", concurrency: 8 });
    server.setFaults({ latencyMs: 300 });
    const runId = await f.startRun(projectId, userId, [a], 1);
    const worker = spawnWorker();
    try {
      while ((await completions(runId)) < 1) await sleep(25);
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.output()).toBe(0);
      // Nothing left half-done: every sample a job had started is either stored or still pending
      // (and its job back in the queue), never lost.
      const { rows } = await f.db.pool.query(
        `SELECT count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*)::int AS total
           FROM generation_samples WHERE run_id = $1`,
        [runId],
      );
      expect(rows[0].done).toBe(await completions(runId));
      const counts = await f.queue.getJobCounts("active");
      expect(counts.active).toBe(0);
    } finally {
      server.setFaults({ latencyMs: 20 });
    }
    const again = spawnWorker();
    try {
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 40 });
    } finally {
      again.child.kill("SIGTERM");
      await again.exited;
    }
  });
});

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
