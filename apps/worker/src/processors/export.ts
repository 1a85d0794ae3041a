import { EXPORT_JOBS, ZExportPayload } from "@arbiter/jobs";
import { type Job, UnrecoverableError } from "bullmq";
import { ExportRequestError, failExport, runExport } from "../features/export/run-export";
import type { ProcessorDefinition } from "./types";

/** Runs an export; the row records failure only when no attempt is left. */
export const exportProcessor: ProcessorDefinition = {
  queue: "export",
  create({ env, db }) {
    async function process(job: Job) {
      if (job.name !== EXPORT_JOBS.run) throw new UnrecoverableError(`unknown job ${job.name}`);
      const { exportId } = ZExportPayload.parse(job.data);
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      try {
        return await runExport(
          { pool: db.pool, secret: env.ARBITER_SECRET, exportDir: env.EXPORT_DIR },
          exportId,
        );
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
    return { process, options: { concurrency: env.EXPORT_CONCURRENCY } };
  },
};
