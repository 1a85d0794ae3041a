import { ADAPTIVE_JOBS, createAdaptiveQueue, ZReestimatePayload } from "@arbiter/jobs";
import { type Job, UnrecoverableError } from "bullmq";
import { reestimateProject } from "../features/adaptive/reestimate";
import { enqueueStaleProjects } from "../features/adaptive/sweep";
import type { ProcessorDefinition } from "./types";

/**
 * Adaptive collection: refits of one project (asked for by the API after answers, debounced)
 * and the scheduled sweep that enqueues refits the debounce missed. One fit at a time per
 * worker: a fit is CPU work on the event loop, seconds for a large project.
 */
export const adaptiveProcessor: ProcessorDefinition = {
  queue: "adaptive",
  create(deps) {
    const { env, db } = deps;
    const queue = createAdaptiveQueue(deps.redis, { prefix: deps.prefix });
    queue.on("error", (err) => deps.logger.debug({ err }, "adaptive queue connection error"));
    queue
      .upsertJobScheduler(
        ADAPTIVE_JOBS.sweep,
        { every: env.ADAPTIVE_SWEEP_INTERVAL_MS },
        { name: ADAPTIVE_JOBS.sweep, opts: { removeOnComplete: true, removeOnFail: 100 } },
      )
      .catch((err) => deps.logger.warn({ err }, "could not schedule the adaptive sweep"));

    async function process(job: Job) {
      if (job.name === ADAPTIVE_JOBS.sweep)
        return { enqueued: (await enqueueStaleProjects(db.pool, queue)).length };
      if (job.name !== ADAPTIVE_JOBS.reestimate) throw new UnrecoverableError(`unknown job ${job.name}`);
      const { projectId } = ZReestimatePayload.parse(job.data);
      const result = await reestimateProject(db.pool, projectId);
      if (result.fitted) deps.logger.debug({ projectId, ...result }, "refitted adaptive project");
      return result;
    }
    return { process, options: { concurrency: 1 }, close: () => queue.close() };
  },
};
