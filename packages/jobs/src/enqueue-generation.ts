import { jobTraceOptions } from "@arbiter/observability";
import { type ConnectionOptions, Queue, type QueueEvents } from "bullmq";
import {
  GENERATION_JOBS,
  planRunJobId,
  sampleBatchJobId,
  type TTestGeneratorResult,
  ZTestGeneratorResult,
} from "./generation";
import { defaultJobOptions, QUEUES, type TRetryPolicy } from "./queues";

export type GenerationQueue = Queue;

export function createGenerationQueue(
  connection: ConnectionOptions,
  options: { prefix: string; retry?: Partial<TRetryPolicy> },
): GenerationQueue {
  return new Queue(QUEUES.generation, {
    connection,
    prefix: options.prefix,
    defaultJobOptions: defaultJobOptions(options.retry),
  });
}

/** Safe to call again for the same run: the job id makes a second add a no-op. */
export async function enqueuePlanRun(queue: GenerationQueue, runId: string): Promise<void> {
  await queue.add(GENERATION_JOBS.planRun, { runId }, { jobId: planRunJobId(runId), ...jobTraceOptions() });
}

const BULK = 500;

/**
 * One job per batch, named after the batch's first sample: batches are cut the same way every
 * time, so enqueueing a batch again while its job exists adds nothing.
 */
export async function enqueueSampleBatches(
  queue: GenerationQueue,
  runId: string,
  batches: { firstSampleId: string; sampleIds: string[] }[],
) {
  const trace = jobTraceOptions();
  for (let i = 0; i < batches.length; i += BULK) {
    await queue.addBulk(
      batches.slice(i, i + BULK).map((b) => ({
        name: GENERATION_JOBS.sampleBatch,
        data: { runId, sampleIds: b.sampleIds },
        opts: { jobId: sampleBatchJobId(b.firstSampleId), ...trace },
      })),
    );
  }
}

/**
 * Runs a connection test on a worker (which holds the API keys) and waits for the answer.
 * LIFO puts it ahead of a long run's backlog; no retries, since the user is waiting. Null
 * when the worker's answer has another shape (a worker of another version).
 */
export async function requestGeneratorTest(
  queue: GenerationQueue,
  events: QueueEvents,
  generatorId: string,
  timeoutMs: number,
): Promise<TTestGeneratorResult | null> {
  const job = await queue.add(
    GENERATION_JOBS.testGenerator,
    { generatorId },
    // Kept briefly: waitUntilFinished reads the result from the job if it finished first.
    {
      lifo: true,
      attempts: 1,
      removeOnComplete: { age: 300 },
      removeOnFail: { age: 300 },
      ...jobTraceOptions(),
    },
  );
  const result = await job.waitUntilFinished(events, timeoutMs);
  const parsed = ZTestGeneratorResult.safeParse(result);
  return parsed.success ? parsed.data : null;
}
