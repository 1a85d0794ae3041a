import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

// The field BullMQ's own telemetry uses (job.opts.telemetry.metadata, stored as "tm"): the
// W3C trace context as JSON. Without a tracing SDK, inject writes nothing and every span
// below is a no-op.
type TJobTelemetry = { telemetry?: { metadata?: string } };

/** Job options carrying the active trace, to spread into `queue.add` options; empty when none. */
export function jobTraceOptions(): TJobTelemetry {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { telemetry: { metadata: JSON.stringify(carrier) } } : {};
}

function parentOf(job: { opts?: TJobTelemetry }) {
  const metadata = job.opts?.telemetry?.metadata;
  if (!metadata) return ROOT_CONTEXT;
  try {
    return propagation.extract(ROOT_CONTEXT, JSON.parse(metadata));
  } catch {
    // A job written by something else: it starts a trace of its own.
    return ROOT_CONTEXT;
  }
}

/**
 * Runs a job's processing in a consumer span whose parent is the trace that enqueued it, so
 * its queries and requests join the API request that asked for the work.
 * `expected(err)` says which throws are not failures (a job put back to wait).
 */
export function runInJobTrace<T>(
  queue: string,
  job: { id?: string; name: string; attemptsMade: number; opts?: TJobTelemetry },
  fn: () => Promise<T>,
  expected: (err: unknown) => boolean = () => false,
): Promise<T> {
  const tracer = trace.getTracer("arbiter-jobs");
  return tracer.startActiveSpan(
    `process ${queue}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        "messaging.system": "bullmq",
        "messaging.destination.name": queue,
        "messaging.operation.type": "process",
        "messaging.message.id": job.id ?? "",
        "arbiter.job.name": job.name,
        "arbiter.job.attempt": job.attemptsMade + 1,
      },
    },
    parentOf(job),
    async (span) => {
      try {
        return await fn();
      } catch (err) {
        if (!expected(err)) {
          span.recordException(err as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        }
        throw err;
      } finally {
        span.end();
      }
    },
  );
}
