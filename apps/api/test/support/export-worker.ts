import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WORKER_ENTRY = fileURLToPath(new URL("../../../worker/src/index.ts", import.meta.url));

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
  let child: ChildProcess | undefined;
  const exited = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const done = once(child, "exit");
    child.kill(signal);
    await done;
  };
  return {
    exportDir,
    start() {
      child = spawn(process.execPath, ["--import", "tsx", WORKER_ENTRY], {
        env: {
          ...process.env,
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
        stdio: ["ignore", "inherit", "inherit"],
      });
    },
    kill: () => exited("SIGKILL"),
    /** SIGTERM, then the export folder goes. */
    stop: async () => {
      await exited("SIGTERM");
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}
