import {
  BACKOFF_STRATEGY,
  cappedExponentialBackoff,
  createWorkerConnection,
  ERROR_DELAY_STRATEGY,
  type TRetryAfter,
} from "@arbiter/jobs";
import { Queue, Worker } from "bullmq";
import { reportDepthOf } from "./metrics";
import { observeJob } from "./observe-job";
import type { ProcessorDefinition, ProcessorInstance, WorkerDeps } from "./processors/types";

export type RunningWorkers = {
  workers: Worker[];
  /** Stops taking jobs, waits for the running ones, then releases the processors' resources. */
  close: () => Promise<void>;
};

type BackoffSettings = { delay?: number; maxDelay?: number };

/**
 * Starts one BullMQ worker per definition. Each worker gets its own blocking connection;
 * the deps (database, plain Redis client) are shared and closed by the caller.
 */
export function startWorkers(deps: WorkerDeps, definitions: ProcessorDefinition[]): RunningWorkers {
  const started: { worker: Worker; instance: ProcessorInstance; depth: Queue; unreport: () => void }[] = [];
  for (const definition of definitions) {
    const instance = definition.create(deps);
    const worker = new Worker(definition.queue, observeJob(definition.queue, instance.process), {
      connection: createWorkerConnection(deps.env.REDIS_URL),
      prefix: deps.prefix,
      lockDuration: deps.env.JOB_LOCK_MS,
      stalledInterval: deps.env.JOB_STALLED_CHECK_MS,
      // A job is interrupted by a crash or deploy several times before it counts as failed.
      maxStalledCount: 5,
      settings: {
        backoffStrategy: (attemptsMade, type, err, job) => {
          // The processor chose (and recorded) the wait itself: webhook deliveries show it.
          if (type === ERROR_DELAY_STRATEGY) return (err as TRetryAfter | undefined)?.retryAfterMs ?? 1_000;
          if (type !== BACKOFF_STRATEGY) return -1;
          const opts = (job?.opts.backoff ?? {}) as BackoffSettings;
          return cappedExponentialBackoff(attemptsMade, opts.delay ?? 1_000, opts.maxDelay ?? 60_000, err);
        },
      },
      ...instance.options,
    });
    worker.on("failed", (job, err) =>
      deps.logger.warn(
        {
          queue: definition.queue,
          job: job?.id,
          name: job?.name,
          attempts: job?.attemptsMade,
          err: err.message,
        },
        "job attempt failed",
      ),
    );
    worker.on("error", (err) => deps.logger.error({ queue: definition.queue, err }, "worker error"));
    // Reads the queue's depth for /metrics, on the shared non-blocking connection.
    const depth = new Queue(definition.queue, { connection: deps.redis, prefix: deps.prefix });
    depth.on("error", (err) => deps.logger.debug({ err }, "queue depth connection error"));
    started.push({ worker, instance, depth, unreport: reportDepthOf(depth) });
  }
  return {
    workers: started.map((s) => s.worker),
    close: async () => {
      const closed = Promise.all(started.map((s) => s.worker.close()));
      // Processors that take the signal (a generation batch) finish the request in flight and
      // put the rest of their job back, so a drain lasts one request, not a whole job.
      for (const s of started) s.worker.cancelAllJobs("worker shutting down");
      await closed;
      await Promise.all(started.map((s) => s.instance.close?.()));
      for (const s of started) s.unreport();
      await Promise.all(started.map((s) => s.depth.close()));
    },
  };
}
