import path from "node:path";
import { Redis } from "ioredis";
import { freePort, type Proc, start, waitForHttp } from "./processes";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Starts the development model server and a worker consuming the generation queue under the
 * run's own Redis prefix (the API uses the same one), so browser flows exercise the real
 * pipeline: page -> API -> queue -> worker -> model server -> Postgres.
 */
export async function startGenerationStack(opts: {
  root: string;
  env: NodeJS.ProcessEnv;
  dbUrl: string;
  redisPrefix: string;
  procs: Proc[];
  /** Chosen before the API starts: the API and the worker must both allow it (GENERATOR_ALLOWED_HOSTS). */
  modelServerPort: number;
}): Promise<{ modelServerUrl: string }> {
  const tsx = path.join(opts.root, "node_modules", ".bin", "tsx");
  const port = opts.modelServerPort;
  const model = start("model-server", tsx, ["apps/model-server/src/server.ts"], {
    cwd: opts.root,
    env: { ...opts.env, MODEL_SERVER_HOST: "127.0.0.1", MODEL_SERVER_PORT: String(port), LOG_LEVEL: "warn" },
  });
  opts.procs.push(model);
  const healthPort = await freePort();
  const worker = start("worker", tsx, ["apps/worker/src/index.ts"], {
    cwd: opts.root,
    env: {
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
    },
  });
  opts.procs.push(worker);
  const modelServerUrl = `http://127.0.0.1:${port}/v1`;
  await waitForHttp(`${modelServerUrl}/models`, model);
  await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, worker);
  return { modelServerUrl };
}

/** The stand-in listens on loopback, which generators reach only where the operator allows it. */
export function modelServerHost(port: number): string {
  return `127.0.0.1:${port}`;
}

/** Removes the run's queue keys; a run leaves nothing behind in Redis. */
export async function clearQueues(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } catch (err) {
    console.warn(`e2e: could not clear queue keys ${prefix}:* (${(err as Error).message})`);
  } finally {
    redis.disconnect();
  }
}
