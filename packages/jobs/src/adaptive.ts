import { type ConnectionOptions, Queue } from "bullmq";
import { z } from "zod";
import { defaultJobOptions, QUEUES } from "./queues";

/**
 * Adaptive collection: `reestimate` refits one project's annotator-aware model and decides
 * its items; `sweep` (a job scheduler) enqueues a refit for every adaptive project with
 * answers newer than its last fit, the safety net under the debounced enqueue.
 */
export const ADAPTIVE_JOBS = { reestimate: "reestimate", sweep: "reestimate-sweep" } as const;

export const ZReestimatePayload = z.object({ projectId: z.uuid() });
export type TReestimatePayload = z.infer<typeof ZReestimatePayload>;

/** Answers arriving within this wait after the first one are fitted by the same job. */
export const REESTIMATE_DEBOUNCE_MS = 5_000;

export type AdaptiveQueue = Queue;

export function createAdaptiveQueue(
  connection: ConnectionOptions,
  options: { prefix: string },
): AdaptiveQueue {
  return new Queue(QUEUES.adaptive, {
    connection,
    prefix: options.prefix,
    // A failed fit is redone by the next answer or the next sweep, from the database.
    defaultJobOptions: defaultJobOptions({ attempts: 2, baseDelayMs: 5_000, maxDelayMs: 30_000 }),
  });
}

/** The id under which a project's pending refit is deduplicated. */
export function reestimateDedupId(projectId: string): string {
  return `reestimate-${projectId}`;
}

/**
 * Asks for a refit of the project after `delayMs`. While one is waiting (or running) for the
 * project, this adds nothing (BullMQ deduplication, kept until that job finishes), so a burst
 * of answers costs one fit; answers that land during a fit are picked up by the sweep.
 */
export async function enqueueReestimate(
  queue: AdaptiveQueue,
  projectId: string,
  delayMs: number = REESTIMATE_DEBOUNCE_MS,
): Promise<void> {
  await queue.add(ADAPTIVE_JOBS.reestimate, { projectId } satisfies TReestimatePayload, {
    delay: delayMs,
    deduplication: { id: reestimateDedupId(projectId) },
    removeOnComplete: true,
  });
}
