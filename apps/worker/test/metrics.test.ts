import type { AddressInfo } from "node:net";
import type { TRunningModelServer } from "@arbiter/model-server";
import { parsePrometheus, sampleValue } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthServer } from "../src/health";
import { createGenerationFixture, type GenerationFixture } from "./support/generation";

const TOKEN = "worker-metrics-token-0123456789";

let f: GenerationFixture;
let server: TRunningModelServer;

beforeAll(async () => {
  f = await createGenerationFixture();
  server = await f.startModelServer({ models: ["stand-in-a"] });
});
afterAll(async () => f?.close());

describe("worker /metrics on the health port", () => {
  it("counts requests, tokens and errors per generator, job durations and queue depth", async () => {
    const { projectId, userId } = await f.seedProject(6);
    const good = await f.addGenerator(projectId, { baseUrl: server.url, model: "stand-in-a" });
    // A model the server does not have: every request fails, without retries.
    const missing = await f.addGenerator(projectId, { baseUrl: server.url, model: "no-such-model" });
    const worker = f.startWorker();
    const health = createHealthServer(worker.workers, { metricsToken: TOKEN });
    await new Promise<void>((resolve) => health.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(health.address() as AddressInfo).port}/metrics`;
    try {
      const runId = await f.startRun(projectId, userId, [good, missing], 2);
      const run = await f.waitForRun(runId);
      expect(run).toMatchObject({ done: 12, failed: 12 });

      expect((await fetch(url)).status).toBe(401);
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const s = parsePrometheus(await res.text());
      expect(sampleValue(s, "arbiter_generation_requests_total", { generator: good, outcome: "ok" })).toBe(
        12,
      );
      expect(
        sampleValue(s, "arbiter_generation_tokens_total", { generator: good, kind: "prompt" }),
      ).toBeGreaterThan(0);
      expect(
        sampleValue(s, "arbiter_generation_tokens_total", { generator: good, kind: "completion" }),
      ).toBeGreaterThan(0);
      expect(sampleValue(s, "arbiter_generation_errors_total", { generator: good })).toBeUndefined();
      const errors = s.filter(
        (x) => x.name === "arbiter_generation_errors_total" && x.labels.generator === missing,
      );
      expect(errors.reduce((sum, x) => sum + x.value, 0)).toBeGreaterThanOrEqual(12);
      expect(
        sampleValue(s, "arbiter_job_duration_seconds_count", { queue: "generation", outcome: "completed" }),
      ).toBeGreaterThan(0);
      for (const state of ["waiting", "active", "delayed", "failed"])
        expect(sampleValue(s, "arbiter_queue_jobs", { queue: "generation", state })).toBeGreaterThanOrEqual(
          0,
        );
      expect(sampleValue(s, "arbiter_process_resident_memory_bytes")).toBeGreaterThan(0);
    } finally {
      health.close();
      await worker.close();
    }
  });
});
