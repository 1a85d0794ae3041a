import {
  cappedExponentialBackoff,
  createGenerationQueue,
  deriveCredentialKey,
  egressPolicyFromEnv,
  GENERATION_JOBS,
  ZPlanRunPayload,
  ZSampleBatchPayload,
  ZTestGeneratorPayload,
} from "@arbiter/jobs";
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import { createGeneratorLimiter } from "../features/generation/generator-limiter";
import { planRun } from "../features/generation/plan-run";
import { recoverRuns } from "../features/generation/recover-runs";
import { createRequestSlots } from "../features/generation/request-slots";
import { runBatch } from "../features/generation/run-batch";
import type { BatchPolicy } from "../features/generation/sample-batches";
import { testGenerator } from "../features/generation/test-generator";
import { createInferenceClient } from "../inference/client";
import type { ProcessorDefinition } from "./types";

/** Maps the outcome of generation work onto BullMQ: retry, delay, give up, or done. */
export const generationProcessor: ProcessorDefinition = {
  queue: "generation",
  create(deps) {
    const { env, db } = deps;
    const inference = createInferenceClient({
      timeoutMs: env.GENERATION_REQUEST_TIMEOUT_MS,
      credentialKey: deriveCredentialKey(env),
      egress: egressPolicyFromEnv(env),
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
    // A slot's lease outlives the longest request with room to spare, and a job renews it
    // before a request that could outlast it, so only a crashed holder's slot ever expires.
    const limiter = createGeneratorLimiter(deps.redis, deps.prefix, {
      leaseMs: env.GENERATION_REQUEST_TIMEOUT_MS + 30_000,
      renewAfterMs: 20_000,
    });
    const requestSlots = createRequestSlots(env.GENERATION_CONCURRENCY);
    // A queue-wide rate cap counts jobs, so with one it stays a cap on requests: one sample per job.
    const batchPolicy: BatchPolicy = {
      fixedSize: env.GENERATION_BATCH_SIZE ?? (env.GENERATION_RATE_MAX ? 1 : undefined),
    };
    const queue = createGenerationQueue(deps.redis, {
      prefix: deps.prefix,
      retry: {
        attempts: env.GENERATION_ATTEMPTS,
        baseDelayMs: env.GENERATION_BACKOFF_MS,
        maxDelayMs: env.GENERATION_BACKOFF_MAX_MS,
      },
    });

    // One replica at a time sweeps for runs whose jobs the queue lost (see recoverRuns).
    const sweepLock = `${deps.prefix}:generation:recovery-lock`;
    async function sweep() {
      const interval = env.GENERATION_RECOVERY_INTERVAL_MS;
      try {
        if ((await deps.redis.set(sweepLock, "1", "PX", interval, "NX")) !== "OK") return;
        const recovered = await recoverRuns(db.pool, queue, batchPolicy);
        if (recovered > 0)
          deps.logger.warn({ recovered }, "re-enqueued generation runs whose jobs were lost");
      } catch (err) {
        deps.logger.warn({ err }, "generation recovery sweep failed; will try again");
      }
    }
    void sweep();
    const sweeper = setInterval(() => void sweep(), env.GENERATION_RECOVERY_INTERVAL_MS);
    sweeper.unref();

    // `signal` is aborted when the worker shuts down (see startWorkers).
    async function process(job: Job, token?: string, signal?: AbortSignal) {
      switch (job.name) {
        case GENERATION_JOBS.planRun: {
          const { runId } = ZPlanRunPayload.parse(job.data);
          return { enqueued: await planRun(db.pool, queue, runId, batchPolicy) };
        }
        case GENERATION_JOBS.testGenerator: {
          const { generatorId } = ZTestGeneratorPayload.parse(job.data);
          return testGenerator(db.pool, inference, generatorId);
        }
        case GENERATION_JOBS.sampleBatch: {
          const { runId, sampleIds } = ZSampleBatchPayload.parse(job.data);
          const backoff = (job.opts.backoff ?? {}) as { delay?: number; maxDelay?: number };
          const outcome = await runBatch(
            { pool: db.pool, inference, limiter, requestSlots },
            runId,
            sampleIds,
            {
              holder: String(job.id),
              maxAttempts: job.opts.attempts ?? env.GENERATION_ATTEMPTS,
              backoffMs: (attempts, error) =>
                cappedExponentialBackoff(attempts, backoff.delay ?? 1_000, backoff.maxDelay ?? 60_000, error),
              ...(signal ? { signal } : {}),
            },
          );
          if (outcome.kind === "wait" || outcome.kind === "retry") {
            // Not a BullMQ attempt: each sample counts its own attempts in the ledger, and the
            // job comes back after the backoff with only the samples still pending.
            if (outcome.kind === "retry")
              deps.logger.warn(
                { job: job.id, retryInMs: outcome.retryInMs, err: outcome.message },
                "samples will be retried",
              );
            await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
            throw new DelayedError();
          }
          return outcome;
        }
        default:
          throw new UnrecoverableError(`unknown job ${job.name}`);
      }
    }

    return {
      process,
      options: {
        // Twice the requests in flight: while some jobs make requests, others read their
        // samples or write their results (see createRequestSlots).
        concurrency: env.GENERATION_CONCURRENCY * 2,
        ...(env.GENERATION_RATE_MAX
          ? { limiter: { max: env.GENERATION_RATE_MAX, duration: env.GENERATION_RATE_WINDOW_MS } }
          : {}),
      },
      close: async () => {
        clearInterval(sweeper);
        await queue.close();
        await inference.close();
      },
    };
  },
};
