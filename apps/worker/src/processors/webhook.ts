import {
  createWebhookQueue,
  deriveCredentialKey,
  egressPolicyFromEnv,
  type TRetryPolicy,
  WEBHOOK_JOBS,
  ZWebhookPayload,
} from "@arbiter/jobs";
import { type Job, UnrecoverableError } from "bullmq";
import { deliverWebhook } from "../features/webhooks/deliver";
import { emitJudgmentEvents, enqueueDeliveries } from "../features/webhooks/dispatch";
import { createEgressFetch } from "../inference/egress-fetch";
import type { ProcessorDefinition } from "./types";

// A pending delivery enqueued this long ago is added again (a no-op while its job exists),
// in case Redis lost it; longer than any single wait of the retry curve's jobs is not needed,
// since re-adding an existing job id adds nothing.
const RECOVER_AFTER_MS = 60_000;

/** Delivers webhooks, and moves the outbox (and new judgments) onto the queue. */
export const webhookProcessor: ProcessorDefinition = {
  queue: "webhook",
  create(deps) {
    const { env, db } = deps;
    const retry: TRetryPolicy = {
      attempts: env.WEBHOOK_ATTEMPTS,
      baseDelayMs: env.WEBHOOK_BACKOFF_MS,
      maxDelayMs: env.WEBHOOK_BACKOFF_MAX_MS,
    };
    const queue = createWebhookQueue(deps.redis, { prefix: deps.prefix, retry });
    queue.on("error", (err) => deps.logger.debug({ err }, "webhook queue connection error"));
    const egressFetch = createEgressFetch({
      policy: egressPolicyFromEnv(env),
      resolve: deps.resolve,
      connectTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
      extraHeaders: ["webhook-id", "webhook-timestamp", "webhook-signature"],
      userAgent: "arbiter-webhooks",
    });
    const key = deriveCredentialKey(env);

    let sweeping = false;
    async function sweep() {
      if (sweeping) return;
      sweeping = true;
      try {
        await emitJudgmentEvents(db.pool, env.WEBHOOK_JUDGMENT_BATCH);
        await enqueueDeliveries(db.pool, queue, RECOVER_AFTER_MS);
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message }, "webhook dispatch failed; will try again");
      } finally {
        sweeping = false;
      }
    }
    void sweep();
    const sweeper = setInterval(() => void sweep(), env.WEBHOOK_DISPATCH_INTERVAL_MS);
    sweeper.unref();

    async function process(job: Job) {
      if (job.name !== WEBHOOK_JOBS.deliver) throw new UnrecoverableError(`unknown job ${job.name}`);
      const { deliveryId } = ZWebhookPayload.parse(job.data);
      await deliverWebhook(
        { pool: db.pool, key, fetch: egressFetch, timeoutMs: env.WEBHOOK_TIMEOUT_MS, retry },
        deliveryId,
        job.attemptsMade,
      );
    }
    return {
      process,
      options: { concurrency: env.WEBHOOK_CONCURRENCY },
      close: async () => {
        clearInterval(sweeper);
        await queue.close();
        await egressFetch.close();
      },
    };
  },
};
