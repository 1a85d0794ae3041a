import { setTimeout as sleep } from "node:timers/promises";
import type { TApiEnv } from "./env";

// Tracing instruments libraries as they are loaded, so it starts before the app is imported;
// without OTEL_EXPORTER_OTLP_ENDPOINT its SDK is never loaded.
const tracing = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  ? await (await import("@arbiter/observability/tracing")).startTracing({ serviceName: "arbiter-api" })
  : undefined;

const { buildApp } = await import("./app");
const { parseApiEnv } = await import("./env");
const { ensureFirstAdmin } = await import("./features/users/first-admin");

let config: TApiEnv;
try {
  config = parseApiEnv(process.env);
} catch (err) {
  console.error(`arbiter api: ${(err as Error).message}`);
  process.exit(1);
}

const app = await buildApp({ config });
await ensureFirstAdmin(app.db, app.config, app.log);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal, drainMs: config.SHUTDOWN_DRAIN_MS }, "shutting down: not ready, draining");
  // Under Kubernetes the endpoint is removed while the signal is already on its way: requests
  // keep arriving until the load balancer has seen /readyz fail, and they are served.
  app.startDraining();
  await sleep(config.SHUTDOWN_DRAIN_MS);
  app.log.info("shutting down: finishing in-flight requests");
  // Fastify stops accepting connections and waits for in-flight requests before onClose.
  await app.close();
  // The last spans are sent before the process ends.
  await tracing?.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await app.listen({ host: config.API_HOST, port: config.API_PORT });
