import { createExportQueue, EXPORT_JOBS, ZExportPayload } from "@arbiter/jobs";
import { type Job, UnrecoverableError } from "bullmq";
import { recoverExports } from "../features/export/recover-exports";
import { ExportRequestError, failExport, runExport } from "../features/export/run-export";
import { exportBytes, exportRows } from "../metrics";
import type { ProcessorDefinition } from "./types";

/** Runs an export; the row records failure only when no attempt is left. */
export const exportProcessor: ProcessorDefinition = {
  queue: "export",
  create(deps) {
    const { env, db } = deps;
    const queue = createExportQueue(deps.redis, { prefix: deps.prefix });
    // The BullMQ worker already reports a lost connection; this keeps BullMQ from printing it again.
    queue.on("error", (err) => deps.logger.debug({ err }, "export queue connection error"));

    // One replica at a time sweeps for exports without a job (see recoverExports). While
    // Redis is away the lock command waits on the connection, so sweeps must not pile up.
    const sweepLock = `${deps.prefix}:export:recovery-lock`;
    let sweeping = false;
    async function sweep() {
      if (sweeping) return;
      sweeping = true;
      const interval = env.EXPORT_RECOVERY_INTERVAL_MS;
      try {
        if ((await deps.redis.set(sweepLock, "1", "PX", interval, "NX")) !== "OK") return;
        const recovered = await recoverExports(db.pool, queue);
        if (recovered > 0) deps.logger.warn({ recovered }, "enqueued exports that had no job");
      } catch (err) {
        deps.logger.warn({ err }, "export recovery sweep failed; will try again");
      } finally {
        sweeping = false;
      }
    }
    void sweep();
    const sweeper = setInterval(() => void sweep(), env.EXPORT_RECOVERY_INTERVAL_MS);
    sweeper.unref();

    async function process(job: Job) {
      if (job.name !== EXPORT_JOBS.run) throw new UnrecoverableError(`unknown job ${job.name}`);
      const { exportId } = ZExportPayload.parse(job.data);
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      try {
        const done = await runExport(
          { pool: db.pool, secret: env.ARBITER_SECRET, exportDir: env.EXPORT_DIR },
          exportId,
        );
        if (!done) return null;
        exportRows.inc({ format: done.format }, done.rows);
        exportBytes.inc({ format: done.format }, done.bytes);
        return { rows: done.rows };
      } catch (err) {
        const message = (err as Error).message;
        if (err instanceof ExportRequestError) {
          await failExport(db.pool, exportId, message);
          throw new UnrecoverableError(message);
        }
        if (finalAttempt) await failExport(db.pool, exportId, message);
        throw err;
      }
    }
    return {
      process,
      options: { concurrency: env.EXPORT_CONCURRENCY },
      close: async () => {
        clearInterval(sweeper);
        await queue.close();
      },
    };
  },
};
