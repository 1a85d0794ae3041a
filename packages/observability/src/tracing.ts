import { FastifyOtelInstrumentation } from "@fastify/otel";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { NodeSDK } from "@opentelemetry/sdk-node";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";

// Probes and scrapes would each be a trace of their own, every few seconds.
const UNTRACED_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

export type TracingOptions = {
  serviceName: "arbiter-api" | "arbiter-worker";
  /** Tests export to memory; otherwise spans go by OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT. */
  spanProcessors?: SpanProcessor[];
};

/**
 * Starts OpenTelemetry tracing for this process: HTTP and Fastify requests, Postgres
 * queries (Prisma runs over node-postgres), Redis commands and outgoing fetches (the model
 * servers, webhooks). Loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and before the
 * modules it instruments are imported. The SDK reads the standard variables itself:
 * OTEL_EXPORTER_OTLP_HEADERS (a collector's credentials), OTEL_TRACES_SAMPLER and its
 * OTEL_TRACES_SAMPLER_ARG, OTEL_RESOURCE_ATTRIBUTES.
 */
export async function startTracing(options: TracingOptions): Promise<{ shutdown: () => Promise<void> }> {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    ...(options.spanProcessors
      ? { spanProcessors: options.spanProcessors }
      : { traceExporter: new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter() }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has(req.url?.split("?")[0] ?? ""),
      }),
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      // Only inside a request or a job: pollers and sweeps would otherwise fill the backend.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
