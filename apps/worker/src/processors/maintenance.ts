import { createMaintenanceQueue, MAINTENANCE_JOBS } from "@arbiter/jobs";
import { type Job, UnrecoverableError } from "bullmq";
import { eraseExpiredParticipants } from "../features/retention/erase-expired";
import type { ProcessorDefinition } from "./types";

/**
 * Housekeeping on a schedule. The crowd retention rule runs only when CROWD_RETENTION_DAYS is
 * set; otherwise its schedule is removed, so turning the setting off on every replica stops it.
 */
export const maintenanceProcessor: ProcessorDefinition = {
  queue: "maintenance",
  create(deps) {
    const { env, db } = deps;
    const queue = createMaintenanceQueue(deps.redis, { prefix: deps.prefix });
    queue.on("error", (err) => deps.logger.debug({ err }, "maintenance queue connection error"));
    const days = env.CROWD_RETENTION_DAYS;
    const scheduled = days
      ? queue.upsertJobScheduler(
          MAINTENANCE_JOBS.crowdRetention,
          { every: env.RETENTION_SWEEP_INTERVAL_MS },
          { name: MAINTENANCE_JOBS.crowdRetention },
        )
      : queue.removeJobScheduler(MAINTENANCE_JOBS.crowdRetention);
    scheduled.catch((err) => deps.logger.warn({ err }, "could not schedule maintenance"));

    async function process(job: Job) {
      if (job.name !== MAINTENANCE_JOBS.crowdRetention)
        throw new UnrecoverableError(`unknown job ${job.name}`);
      if (!days) return { erased: 0 };
      const erased = await eraseExpiredParticipants(db.pool, days);
      if (erased > 0)
        deps.logger.info({ erased, days }, "erased crowd participants past the retention period");
      return { erased };
    }
    return { process, close: () => queue.close() };
  },
};
