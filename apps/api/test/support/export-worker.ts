import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TProcess } from "@arbiter/testkit";
import { spawnApp } from "./processes";

export type ExportWorker = {
  exportDir: string;
  start: () => void;
  /** SIGKILL: no shutdown, no cleanup, as when a machine dies. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The real worker as its own process, consuming only the export queue, against the test
 * file's database and Redis prefix; the API under test enqueues, this process exports.
 */
export function exportWorker(env: {
  databaseUrl: string;
  redisPrefix: string;
  secret: string;
  /** Variables beside the defaults, e.g. a REDIS_URL of the test's own Redis. */
  extra?: Record<string, string>;
}): ExportWorker {
  const exportDir = mkdtempSync(path.join(tmpdir(), "arbiter-exports-"));
  let worker: TProcess | undefined;
  return {
    exportDir,
    start() {
      worker = spawnApp(
        "worker",
        "src/index.ts",
        {
          NODE_ENV: "test",
          LOG_LEVEL: "warn",
          DATABASE_URL: env.databaseUrl,
          REDIS_PREFIX: env.redisPrefix,
          ARBITER_SECRET: env.secret,
          EXPORT_DIR: exportDir,
          WORKER_QUEUES: "export",
          WORKER_HEALTH_PORT: "0",
          // A killed worker's job is taken over within a few seconds.
          JOB_LOCK_MS: "2000",
          JOB_STALLED_CHECK_MS: "500",
          ...env.extra,
        },
        { echo: true },
      );
    },
    kill: async () => {
      await worker?.kill("SIGKILL");
    },
    /** SIGTERM, then the export folder goes. */
    stop: async () => {
      await worker?.kill("SIGTERM");
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}
