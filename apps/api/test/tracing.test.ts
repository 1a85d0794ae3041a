import { randomUUID } from "node:crypto";
import { startTracing } from "@arbiter/observability/tracing";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Tracing starts before the app and the libraries it instruments (pg, ioredis) are imported,
// as src/server.ts does: everything below comes in through import().
const exporter = new InMemorySpanExporter();
const tracing = await startTracing({
  serviceName: "arbiter-api",
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const { judge, seedProject, takeAssignment } = await import("./support/annotation");
const { exportWorker } = await import("./support/export-worker");
const { requestExport, waitForExport } = await import("./support/exports");
const { createHarness } = await import("./support/harness");
const { startOtlpReceiver, waitFor } = await import("@arbiter/testkit");

const SECRET = "tracing-test-secret-0123456789";
process.env.REDIS_PREFIX = `test-tracing-${randomUUID().slice(0, 8)}`;

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ ARBITER_SECRET: SECRET });
});
afterAll(async () => {
  await h?.close();
  await tracing.shutdown();
});

const traceOf = (s: ReadableSpan) => s.spanContext().traceId;
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
/** The request spans @fastify/otel opened for a route (its hooks' spans carry the route too). */
function requestSpans(route: string) {
  return exporter
    .getFinishedSpans()
    .filter((s) => s.attributes["fastify.root"] && s.attributes["http.route"] === route);
}

describe("tracing", () => {
  it("one judgment request is one trace, with its SQL span", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [annotator], { items: 2 });
    const { assignment } = await takeAssignment(h, annotator, projectId);
    exporter.reset();
    expect((await judge(h, annotator, assignment!.id)).statusCode).toBe(201);

    const requests = requestSpans("/api/v1/assignments/:id/judgment");
    expect(requests).toHaveLength(1);
    const traceId = traceOf(requests[0]!);
    const spans = exporter.getFinishedSpans();
    // Everything the request did is in its trace: one root, and nothing in another trace.
    expect(new Set(spans.map(traceOf))).toEqual(new Set([traceId]));
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    expect(spans.filter((s) => !parentOf(s) || !ids.has(parentOf(s)!))).toHaveLength(1);
    const sql = spans.filter((s) => s.attributes["db.system.name"] === "postgresql");
    expect(sql.map((s) => String(s.attributes["db.query.text"]))).toContainEqual(
      expect.stringContaining("arbiter_judge_batch"),
    );
  });

  it("one export is one trace from the API request into the worker's job and its queries", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [annotator], { items: 1, judgmentsPerItem: 1 });
    const { assignment } = await takeAssignment(h, annotator, projectId);
    expect((await judge(h, annotator, assignment!.id)).statusCode).toBe(201);

    const receiver = await startOtlpReceiver();
    const worker = exportWorker({
      databaseUrl: h.db.url,
      redisPrefix: process.env.REDIS_PREFIX!,
      secret: SECRET,
      extra: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: "100" },
    });
    try {
      exporter.reset();
      const created = await requestExport(h, researcher, projectId, { format: "trl" });
      const [request] = requestSpans("/api/v1/projects/:id/exports");
      const traceId = traceOf(request!);
      const apiSpans = new Set(
        exporter
          .getFinishedSpans()
          .filter((s) => traceOf(s) === traceId)
          .map((s) => s.spanContext().spanId),
      );
      // The job is enqueued before the worker starts: the context travels in Redis.
      worker.start();
      expect((await waitForExport(h, researcher, created.id)).status).toBe("SUCCEEDED");
      await waitFor(
        () => receiver.spans().some((s) => s.name === "process export" && s.traceId === traceId),
        { what: "the worker's job span in the export's trace", timeoutMs: 30_000 },
      );
      const job = receiver.spans().find((s) => s.name === "process export" && s.traceId === traceId)!;
      expect(job.service).toBe("arbiter-worker");
      expect(apiSpans.has(job.parentSpanId!)).toBe(true);
      await waitFor(
        () =>
          receiver
            .spans()
            .some(
              (s) =>
                s.traceId === traceId &&
                s.attributes["db.system.name"] === "postgresql" &&
                String(s.attributes["db.query.text"]).includes("UPDATE exports SET status = 'SUCCEEDED'"),
            ),
        { what: "the worker's queries in the export's trace", timeoutMs: 30_000 },
      );
    } finally {
      await worker.stop();
      await receiver.close();
    }
  });
});
