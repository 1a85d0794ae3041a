import { startTracing } from "@arbiter/observability/tracing";
import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Tracing starts before the worker and the libraries it instruments are imported, as
// src/index.ts does: everything below comes in through import().
const exporter = new InMemorySpanExporter();
const tracing = await startTracing({
  serviceName: "arbiter-worker",
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const { createGenerationFixture } = await import("./support/generation");

type Fixture = Awaited<ReturnType<typeof createGenerationFixture>>;
let f: Fixture;
let modelServerUrl: string;

beforeAll(async () => {
  f = await createGenerationFixture();
  modelServerUrl = (await f.startModelServer({ models: ["stand-in-a"] })).url;
});
afterAll(async () => {
  await f?.close();
  await tracing.shutdown();
});

const traceOf = (s: ReadableSpan) => s.spanContext().traceId;

describe("tracing of a generation run", () => {
  it("carries the enqueuing request's trace through the plan and sample jobs into the model server's requests", async () => {
    const { projectId, userId } = await f.seedProject(3);
    const generator = await f.addGenerator(projectId, { baseUrl: modelServerUrl, model: "stand-in-a" });
    const worker = f.startWorker();
    try {
      // The API's request span, as the run's route has it when it enqueues the plan.
      const { runId, traceId } = await trace
        .getTracer("test")
        .startActiveSpan(
          "POST /api/v1/projects/:id/generation-runs",
          { kind: SpanKind.SERVER },
          async (span) => {
            const id = await f.startRun(projectId, userId, [generator], 1);
            span.end();
            return { runId: id, traceId: span.spanContext().traceId };
          },
        );
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 3 });

      const spans = exporter.getFinishedSpans().filter((s) => traceOf(s) === traceId);
      const jobs = spans.filter((s) => s.name === "process generation");
      // The plan job, then the job(s) of its samples, which it enqueued inside its own span.
      expect(jobs.map((s) => s.attributes["arbiter.job.name"])).toEqual(
        expect.arrayContaining(["plan-run", "sample-batch"]),
      );
      // Each request to the model server is a client span of the run's trace...
      const calls = spans.filter(
        (s) => s.kind === SpanKind.CLIENT && String(s.attributes["url.full"]).startsWith(modelServerUrl),
      );
      expect(calls.length).toBeGreaterThanOrEqual(3);
      // ...and the model server (instrumented too, in this process) continued it from the
      // traceparent header the request carried.
      const served = spans.filter(
        (s) => s.kind === SpanKind.SERVER && s.name !== "POST /api/v1/projects/:id/generation-runs",
      );
      const callIds = new Set(calls.map((s) => s.spanContext().spanId));
      expect(served.some((s) => callIds.has(s.parentSpanContext?.spanId ?? ""))).toBe(true);
    } finally {
      await worker.close();
    }
  });
});
