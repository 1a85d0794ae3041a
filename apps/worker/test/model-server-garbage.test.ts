import type { TRunningModelServer } from "@arbiter/model-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationFixture, duplicateCompletions, type GenerationFixture } from "./support/generation";

// A healthy server and one that answers every generation request with garbage, so a run over
// one generator of each shows the failures staying with their own samples.
let f: GenerationFixture;
let healthy: TRunningModelServer;
let broken: TRunningModelServer;

beforeAll(async () => {
  f = await createGenerationFixture();
  healthy = await f.startModelServer({ models: ["healthy"] });
  broken = await f.startModelServer({ models: ["broken"] });
});
afterAll(async () => f?.close());

// What each kind of garbage must be reported as. A truncated body may be a network hiccup, so
// it is retried before the sample gives up; a well-formed answer of the wrong shape is not.
// Either way the stored message is the failure class, never a piece of what the server sent.
const EXPECTED = {
  "non-json": /^gave up after retries: bad_response: .*could not be read/,
  "truncated-sse": /^gave up after retries: bad_response: .*could not be read/,
  "wrong-schema": /^bad_response: .*not an OpenAI-compatible completion/,
} as const;

describe("a model server that answers garbage", () => {
  for (const mode of ["non-json", "truncated-sse", "wrong-schema"] as const) {
    it(`${mode}: its samples fail with a clear message, the other generator's complete, the run finishes`, async () => {
      const { projectId, userId } = await f.seedProject(6);
      const good = await f.addGenerator(projectId, { baseUrl: healthy.url, model: "healthy" });
      const bad = await f.addGenerator(projectId, { baseUrl: broken.url, model: "broken" });
      broken.setFaults({ garbageRate: 1, garbageMode: mode });
      const worker = f.startWorker({ GENERATION_ATTEMPTS: "3" });
      try {
        const runId = await f.startRun(projectId, userId, [good, bad], 2);
        const run = await f.waitForRun(runId);
        expect(run).toMatchObject({ status: "SUCCEEDED", done: 12, failed: 12 });

        const samples = await f.db.prisma.generationSample.findMany({ where: { runId } });
        for (const s of samples.filter((s) => s.generatorId === bad)) {
          expect(s.status).toBe("FAILED");
          expect(s.error).toMatch(EXPECTED[mode]);
          expect(s.attempts).toBe(mode === "wrong-schema" ? 1 : 3);
        }
        expect(samples.filter((s) => s.generatorId === good).every((s) => s.status === "DONE")).toBe(true);
        expect(await f.db.prisma.completion.count({ where: { runId, generatorId: bad } })).toBe(0);
        expect(await f.db.prisma.completion.count({ where: { runId, generatorId: good } })).toBe(12);
      } finally {
        await worker.close();
      }
    });
  }

  it("occasional truncated and non-JSON bodies are retried through: every sample is stored once", async () => {
    const { projectId, userId } = await f.seedProject(30);
    const g = await f.addGenerator(projectId, { baseUrl: broken.url, model: "broken" });
    const worker = f.startWorker();
    try {
      const before = broken.stats().garbage;
      broken.setFaults({ garbageRate: 0.3, garbageMode: "truncated-sse" });
      const runId = await f.startRun(projectId, userId, [g], 2);
      // Switch the kind of garbage half-way, so both kinds hit the same run.
      while ((await f.db.prisma.completion.count({ where: { runId } })) < 20) await sleep(20);
      broken.setFaults({ garbageRate: 0.3, garbageMode: "non-json" });
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 60, failed: 0 });
      expect(broken.stats().garbage - before).toBeGreaterThan(5);
      expect(await f.db.prisma.completion.count({ where: { runId } })).toBe(60);
      expect(await duplicateCompletions(f.db)).toBe(0);
    } finally {
      broken.setFaults({});
      await worker.close();
    }
  });
});

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
