import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  clearRedisPrefix,
  createTestDatabase,
  freePort,
  startReverseProxy,
  type TestDatabase,
  type TProcess,
  type TReverseProxy,
  waitForHttp,
} from "@arbiter/testkit";
import { seedBench } from "../../../bench/seed";
import { type ApiProcess, spawnApp, startApi } from "../../support/processes";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const MODELS = ["replica-a", "replica-b"];

export type ReplicaStackOptions = {
  apis: number;
  workers: number;
  annotators: number;
  items: number;
  /** How long the model server stand-in takes per request, so a run spans the load. */
  modelLatencyMs?: number;
};

/**
 * Several API replicas behind a readiness-following reverse proxy and several workers, all
 * their own processes against one test database and one Redis prefix, with the model server
 * stand-in; a seeded project (3 judgments per item) whose pool holds `annotators` people.
 */
export type ReplicaStack = {
  db: TestDatabase;
  projectId: string;
  /** The annotators' API keys. */
  tokens: string[];
  /** The project owner's API key. */
  researcherToken: string;
  /** Base URL of the model server's OpenAI-compatible API, for generators. */
  modelUrl: string;
  proxy: TReverseProxy;
  apis: ApiProcess[];
  workers: TProcess[];
  /** One more API replica, in the proxy's rotation once ready. */
  addApi: () => Promise<ApiProcess>;
  /** The output of every process, for a failure message. */
  output: () => string;
  close: () => Promise<void>;
};

export async function startReplicaStack(opts: ReplicaStackOptions): Promise<ReplicaStack> {
  const db = await createTestDatabase();
  const {
    projectId,
    ownerKey: researcherToken,
    tokens,
  } = await seedBench(db.pool, opts.annotators, opts.items);

  const prefix = `replicas-${randomUUID().slice(0, 8)}`;
  const exportDir = mkdtempSync(path.join(tmpdir(), "arbiter-replicas-"));
  const modelPort = await freePort();
  const modelUrl = `http://127.0.0.1:${modelPort}/v1`;
  // Every process shares these: the secret keys pseudonyms and generator credentials, and the
  // API serves the files the workers write.
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    EXPORT_DIR: exportDir,
    ARBITER_SECRET: randomBytes(24).toString("hex"),
    GENERATOR_ALLOWED_HOSTS: `127.0.0.1:${modelPort}`,
    LOG_LEVEL: "warn",
  };
  const apis: ApiProcess[] = [];
  const workers: TProcess[] = [];
  let modelServer: TProcess | undefined;
  let proxy: TReverseProxy | undefined;
  const all = (): TProcess[] => [...(modelServer ? [modelServer] : []), ...workers, ...apis];
  async function close() {
    await proxy?.close();
    await Promise.all(all().map((p) => p.stop()));
    await clearRedisPrefix(REDIS_URL, prefix);
    rmSync(exportDir, { recursive: true, force: true });
    await db.drop();
  }

  // Under vitest the children inherit what tells autoload that .ts routes load; a bench says so.
  const apiEnv = { ...common, DB_POOL_SIZE: "5", FASTIFY_AUTOLOAD_TYPESCRIPT: "1" };
  try {
    // One after another: on two busy cores, replicas loading their routes side by side can
    // outlast Fastify's plugin timeout.
    for (let i = 0; i < opts.apis; i++) apis.push(await startApi(apiEnv));
    modelServer = spawnApp(
      "model-server",
      "src/server.ts",
      {
        MODEL_SERVER_PORT: String(modelPort),
        MODEL_SERVER_MODELS: MODELS.join(","),
        MODEL_SERVER_FAULT_LATENCY_MS: String(opts.modelLatencyMs ?? 0),
        LOG_LEVEL: "warn",
      },
      { keepChars: 20_000 },
    );
    for (let i = 0; i < opts.workers; i++) workers.push(startWorker(common, i));
    await waitForHttp(`${modelUrl}/models`, { process: modelServer, timeoutMs: 60_000 });
    proxy = await startReverseProxy({
      backends: apis.map((a) => a.url),
      // A replica that is only slow must stay in: on two loaded cores its /readyz waits behind
      // hundreds of requests for a pool connection. A dead one refuses at once and leaves in ~1 s.
      probeIntervalMs: 100,
      probeTimeoutMs: 5_000,
      failureThreshold: 10,
    });
    for (const api of apis) await proxy.waitUntilReady(api.url);
  } catch (err) {
    await close();
    throw err;
  }
  const ready = proxy;
  return {
    db,
    projectId,
    tokens,
    researcherToken,
    modelUrl,
    proxy: ready,
    apis,
    workers,
    addApi: async () => {
      const api = await startApi(apiEnv);
      apis.push(api);
      ready.add(api.url);
      await ready.waitUntilReady(api.url);
      return api;
    },
    output: () =>
      all()
        .map((p) => `--- ${p.name} (pid ${p.pid}) ---\n${p.output()}`)
        .join("\n"),
    close,
  };
}

/** A worker consuming generation and export jobs, as its own process. */
function startWorker(common: Record<string, string>, index: number): TProcess {
  return spawnApp(
    "worker",
    "src/index.ts",
    {
      ...common,
      NODE_ENV: "test",
      // Webhook deliveries stay in the outbox: the test reads the events, nobody receives them.
      WORKER_QUEUES: "generation,export",
      WORKER_HEALTH_PORT: "0",
      DB_POOL_SIZE: "4",
      // A killed worker's jobs are taken over within seconds; a lock that a busy process on
      // two loaded cores still renews in time.
      JOB_LOCK_MS: "4000",
      JOB_STALLED_CHECK_MS: "1000",
      GENERATION_RECOVERY_INTERVAL_MS: "5000",
      // A killed worker's generator slots free themselves this + 30 s later.
      GENERATION_REQUEST_TIMEOUT_MS: "10000",
      GENERATION_BACKOFF_MS: "50",
      GENERATION_BACKOFF_MAX_MS: "500",
    },
    { name: `worker ${index}`, keepChars: 50_000 },
  );
}
