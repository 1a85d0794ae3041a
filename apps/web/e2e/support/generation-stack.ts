import { clearRedisPrefix, freePort, type TProcess, waitForHttp } from "@arbiter/testkit";
import { startApp } from "./processes";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Starts the development model server and a worker consuming the generation queue under the
 * run's own Redis prefix (the API uses the same one), so browser flows exercise the real
 * pipeline: page -> API -> queue -> worker -> model server -> Postgres.
 */
export async function startGenerationStack(opts: {
  env: NodeJS.ProcessEnv;
  dbUrl: string;
  redisPrefix: string;
  procs: TProcess[];
  /** Chosen before the API starts: the API and the worker must both allow it (GENERATOR_ALLOWED_HOSTS). */
  modelServerPort: number;
}): Promise<{ modelServerUrl: string }> {
  const port = opts.modelServerPort;
  const model = startApp("model-server", "apps/model-server/src/server.ts", {
    ...opts.env,
    MODEL_SERVER_HOST: "127.0.0.1",
    MODEL_SERVER_PORT: String(port),
    LOG_LEVEL: "warn",
  });
  opts.procs.push(model);
  const healthPort = await freePort();
  const worker = startApp("worker", "apps/worker/src/index.ts", {
    ...opts.env,
    NODE_ENV: "test",
    DATABASE_URL: opts.dbUrl,
    REDIS_URL,
    REDIS_PREFIX: opts.redisPrefix,
    WORKER_QUEUES: "generation",
    WORKER_HEALTH_HOST: "127.0.0.1",
    WORKER_HEALTH_PORT: String(healthPort),
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: "4",
    GENERATOR_ALLOWED_HOSTS: modelServerHost(port),
  });
  opts.procs.push(worker);
  const modelServerUrl = `http://127.0.0.1:${port}/v1`;
  await waitForHttp(`${modelServerUrl}/models`, { process: model, timeoutMs: 120_000 });
  await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: worker, timeoutMs: 120_000 });
  return { modelServerUrl };
}

/** The stand-in listens on loopback, which generators reach only where the operator allows it. */
export function modelServerHost(port: number): string {
  return `127.0.0.1:${port}`;
}

/** Removes the run's queue keys; a run leaves nothing behind in Redis. */
export async function clearQueues(prefix: string): Promise<void> {
  await clearRedisPrefix(REDIS_URL, prefix).catch((err: Error) =>
    console.warn(`e2e: could not clear queue keys ${prefix}:* (${err.message})`),
  );
}
