import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  clearRedisPrefix,
  createTestDatabase,
  freePort,
  localBin,
  REPO_ROOT,
  spawnProcess,
  type TProcess,
  waitForHttp,
} from "@arbiter/testkit";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ADMIN = { email: "admin@python-client.test", password: "correct horse battery staple" };

export type TStack = {
  apiUrl: string;
  /** The stack's database, for tests that stage what only the server can write (a read's start). */
  databaseUrl: string;
  modelServerUrl: string;
  /** An API key of the first admin, made the way a researcher makes one (a fresh browser session). */
  apiKey: string;
  processes: TProcess[];
  stop: () => Promise<void>;
};

/**
 * The real thing, each part its own process as in production: the API on a database of its
 * own, a worker (generation and export queues) under a Redis prefix of its own, the
 * model-server stand-in, and an export folder they share.
 */
export async function startStack(): Promise<TStack> {
  const db = await createTestDatabase();
  const exportDir = await mkdtemp(path.join(tmpdir(), "arbiter-python-client-"));
  const redisPrefix = `python-client-${randomUUID().slice(0, 8)}`;
  const [apiPort, modelPort, healthPort] = [await freePort(), await freePort(), await freePort()];
  const modelServerUrl = `http://127.0.0.1:${modelPort}/v1`;
  const shared = {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    EXPORT_DIR: exportDir,
    // The stand-in listens on loopback, which generators reach only where the operator allows it.
    GENERATOR_ALLOWED_HOSTS: `127.0.0.1:${modelPort}`,
  };
  // Under the tsx command, as the browser tests start them: the API's route autoloading takes
  // TypeScript files only when it sees tsx preloaded that way (a `--import tsx` is not seen).
  const start = (name: string, entry: string, env: Record<string, string>) =>
    spawnProcess(localBin("tsx"), [entry], {
      name,
      cwd: REPO_ROOT,
      group: true,
      keepChars: 20_000,
      env: { ...shared, ...env },
    });
  const processes = [
    start("model-server", "apps/model-server/src/server.ts", {
      MODEL_SERVER_HOST: "127.0.0.1",
      MODEL_SERVER_PORT: String(modelPort),
    }),
    start("api", "apps/api/src/server.ts", {
      API_HOST: "127.0.0.1",
      API_PORT: String(apiPort),
      ARBITER_ADMIN_EMAIL: ADMIN.email,
      ARBITER_ADMIN_PASSWORD: ADMIN.password,
    }),
    start("worker", "apps/worker/src/index.ts", {
      WORKER_QUEUES: "generation,export",
      WORKER_HEALTH_HOST: "127.0.0.1",
      WORKER_HEALTH_PORT: String(healthPort),
      DB_POOL_SIZE: "4",
    }),
  ];
  const [model, api, worker] = processes as [TProcess, TProcess, TProcess];
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db.drop();
    await clearRedisPrefix(REDIS_URL, redisPrefix).catch((err: Error) =>
      console.warn(`could not clear the queue keys ${redisPrefix}:* (${err.message})`),
    );
    await rm(exportDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${modelServerUrl}/models`, { process: model, timeoutMs: 120_000 });
    await waitForHttp(`${apiUrl}/healthz`, { process: api, timeoutMs: 120_000 });
    await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: worker, timeoutMs: 120_000 });
    return {
      apiUrl,
      databaseUrl: db.url,
      modelServerUrl,
      apiKey: await createApiKey(apiUrl),
      processes,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function createApiKey(apiUrl: string): Promise<string> {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
  const created = await fetch(`${apiUrl}/api/v1/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: "python client tests" }),
  });
  if (created.status !== 201) throw new Error(`API key: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}
