import {
  createGenerationQueue,
  GENERATION_JOBS,
  ZPlanRunPayload,
  ZSamplePayload,
  ZTestGeneratorPayload,
} from "@arbiter/jobs";
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import { createGeneratorLimiter } from "../features/generation/generator-limiter";
import { planRun } from "../features/generation/plan-run";
import { recoverRuns } from "../features/generation/recover-runs";
import { runSample } from "../features/generation/run-sample";
import { testGenerator } from "../features/generation/test-generator";
import { createInferenceClient } from "../inference/client";
import type { ProcessorDefinition } from "./types";

/** Maps the outcome of generation work onto BullMQ: retry, delay, give up, or done. */
export const generationProcessor: ProcessorDefinition = {
  queue: "generation",
  create(deps) {
    const { env, db } = deps;
    const inference = createInferenceClient({ timeoutMs: env.GENERATION_REQUEST_TIMEOUT_MS });
    // A slot outlives the request timeout, so only a crashed holder's slot ever expires.
    const limiter = createGeneratorLimiter(
      deps.redis,
      deps.prefix,
      env.GENERATION_REQUEST_TIMEOUT_MS + 30_000,
    );
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
        const recovered = await recoverRuns(db.pool, queue);
        if (recovered > 0)
          deps.logger.warn({ recovered }, "re-enqueued generation runs whose jobs were lost");
      } catch (err) {
        deps.logger.warn({ err }, "generation recovery sweep failed; will try again");
      }
    }
    void sweep();
    const sweeper = setInterval(() => void sweep(), env.GENERATION_RECOVERY_INTERVAL_MS);
    sweeper.unref();

    async function process(job: Job, token?: string) {
      switch (job.name) {
        case GENERATION_JOBS.planRun: {
          const { runId } = ZPlanRunPayload.parse(job.data);
          return { enqueued: await planRun(db.pool, queue, runId) };
        }
        case GENERATION_JOBS.testGenerator: {
          const { generatorId } = ZTestGeneratorPayload.parse(job.data);
          return testGenerator(db.pool, inference, generatorId);
        }
        case GENERATION_JOBS.sample: {
          const { sampleId } = ZSamplePayload.parse(job.data);
          const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          const outcome = await runSample(
            { pool: db.pool, inference, limiter },
            sampleId,
            String(job.id),
            finalAttempt,
          );
          if (outcome.kind === "wait") {
            // Not an attempt: the generator is busy or paced, so the job steps aside.
            await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
            throw new DelayedError();
          }
          if (outcome.kind === "retry") throw outcome.error;
          if (outcome.kind === "failed") throw new UnrecoverableError(outcome.message);
          return outcome;
        }
        default:
          throw new UnrecoverableError(`unknown job ${job.name}`);
      }
    }

    return {
      process,
      options: {
        concurrency: env.GENERATION_CONCURRENCY,
        ...(env.GENERATION_RATE_MAX
          ? { limiter: { max: env.GENERATION_RATE_MAX, duration: env.GENERATION_RATE_WINDOW_MS } }
          : {}),
      },
      close: async () => {
        clearInterval(sweeper);
        await queue.close();
      },
    };
  },
};
