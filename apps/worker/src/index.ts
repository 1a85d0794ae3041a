import type { Logger } from "pino";

// Tracing instruments libraries as they are loaded, so it starts before the rest is imported;
// without OTEL_EXPORTER_OTLP_ENDPOINT its SDK is never loaded.
const tracing = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  ? await (await import("@arbiter/observability/tracing")).startTracing({ serviceName: "arbiter-worker" })
  : undefined;

const { createDb } = await import("@arbiter/db");
const { queuePrefix } = await import("@arbiter/jobs");
const { Redis } = await import("ioredis");
const { default: pino } = await import("pino");
const { parseWorkerEnv } = await import("./env");
const { createHealthServer } = await import("./health");
const { poolMetrics } = await import("./metrics");
const { processors } = await import("./processors");
const { startWorkers } = await import("./start-workers");

let env: ReturnType<typeof parseWorkerEnv>;
try {
  env = parseWorkerEnv(process.env);
} catch (err) {
  console.error(`arbiter worker: ${(err as Error).message}`);
  process.exit(1);
}

const logger: Logger = pino({ level: env.LOG_LEVEL, name: "arbiter-worker" });
const db = createDb(env.DATABASE_URL, {
  poolSize: env.DB_POOL_SIZE,
  applicationName: "arbiter-worker",
  onPoolError: (err) => logger.warn({ err }, "idle database connection lost"),
});
poolMetrics.track(db.pool);
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const enabled = processors.filter(
  (p) => env.WORKER_QUEUES.length === 0 || env.WORKER_QUEUES.includes(p.queue),
);
const running = startWorkers({ env, db, redis, prefix: queuePrefix(env.REDIS_PREFIX), logger }, enabled);
const health = createHealthServer(running.workers, { metricsToken: env.METRICS_TOKEN });
health.listen(env.WORKER_HEALTH_PORT, env.WORKER_HEALTH_HOST, () => {
  const address = health.address();
  const port = typeof address === "object" && address ? address.port : env.WORKER_HEALTH_PORT;
  logger.info({ queues: enabled.map((p) => p.queue), healthPort: port }, "worker started");
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down: finishing running jobs");
  // Order matters: jobs finish (and write to Postgres) before their connections go away.
  health.close();
  await running.close();
  // quit, not disconnect: replies still owed (a slot release) arrive before the socket closes.
  await redis.quit();
  await db.close();
  await tracing?.shutdown();
  logger.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
