import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  clearRedisPrefix,
  freePort,
  REPO_ROOT,
  spawnNode,
  type TProcess,
  waitForHttp,
} from "@arbiter/testkit";
import { ADMIN, type RunningApi, startApi } from "./api-process";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export type RunningStack = {
  api: RunningApi;
  /** An admin's API key, for the CLI and for setting up through the client. */
  adminKey: string;
  /** The development model server's OpenAI-compatible base URL (ends in /v1), for generators. */
  modelServerUrl: string;
  /** Where the worker writes exports and the API reads them from. */
  exportDir: string;
  worker: TProcess;
  modelServer: TProcess;
  stop: () => Promise<void>;
};

/**
 * The whole pipeline as processes: the API, a worker on every queue sharing its database,
 * queue prefix and export folder, and the development model server that generators call
 * (allowed as a loopback host on both sides). For tests of the CLI's long operations, and for
 * anything else that needs generation and exports to really happen.
 */
export async function startStack(
  options: {
    modelServerEnv?: Record<string, string>;
    /** More loopback `host:port`s the API and worker may reach (a webhook receiver). */
    allowHosts?: string[];
  } = {},
): Promise<RunningStack> {
  const exportDir = await mkdtemp(path.join(tmpdir(), "arbiter-exports-"));
  const modelPort = await freePort();
  const modelHost = `127.0.0.1:${modelPort}`;
  const allowed = [modelHost, ...(options.allowHosts ?? [])].join(",");
  const modelServer = spawnNode("apps/model-server/src/server.ts", {
    cwd: REPO_ROOT,
    group: true,
    keepChars: 20_000,
    env: {
      MODEL_SERVER_HOST: "127.0.0.1",
      MODEL_SERVER_PORT: String(modelPort),
      LOG_LEVEL: "warn",
      ...options.modelServerEnv,
    },
  });
  const api = await startApi({ env: { EXPORT_DIR: exportDir, GENERATOR_ALLOWED_HOSTS: allowed } }).catch(
    async (err: unknown) => {
      await modelServer.stop();
      throw err;
    },
  );
  const healthPort = await freePort();
  const worker = spawnNode("apps/worker/src/index.ts", {
    cwd: REPO_ROOT,
    group: true,
    keepChars: 20_000,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: api.databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: api.redisPrefix,
      EXPORT_DIR: exportDir,
      GENERATOR_ALLOWED_HOSTS: allowed,
      WORKER_HEALTH_HOST: "127.0.0.1",
      WORKER_HEALTH_PORT: String(healthPort),
      DB_POOL_SIZE: "4",
    },
  });
  const modelServerUrl = `http://${modelHost}/v1`;
  const stop = async () => {
    await Promise.all([worker.stop(), modelServer.stop()]);
    await api.stop();
    await clearRedisPrefix(REDIS_URL, api.redisPrefix).catch(() => undefined);
    await rm(exportDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${modelServerUrl}/models`, { process: modelServer, timeoutMs: 90_000 });
    await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: worker, timeoutMs: 90_000 });
    const adminKey = await api.createApiKey(ADMIN.email, ADMIN.password, "cli tests");
    return { api, adminKey, modelServerUrl, exportDir, worker, modelServer, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
