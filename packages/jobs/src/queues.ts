import type { BackoffOptions, DefaultJobOptions } from "bullmq";

export const QUEUES = {
  generation: "generation",
  export: "export",
  webhook: "webhook",
  maintenance: "maintenance",
  arena: "arena",
  adaptive: "adaptive",
} as const;

export type TQueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The name workers register with `settings.backoffStrategy` (see `cappedExponentialBackoff`). */
export const BACKOFF_STRATEGY = "capped-exponential";

export type TRetryPolicy = {
  attempts: number;
  /** Delay before the first retry; doubles on each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, however many attempts have failed. */
  maxDelayMs: number;
};

export const DEFAULT_RETRY: TRetryPolicy = { attempts: 10, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export function defaultJobOptions(retry: Partial<TRetryPolicy> = {}): DefaultJobOptions {
  const policy = { ...DEFAULT_RETRY, ...retry };
  const backoff: BackoffOptions & { maxDelay: number } = {
    type: BACKOFF_STRATEGY,
    delay: policy.baseDelayMs,
    maxDelay: policy.maxDelayMs,
  };
  return {
    attempts: policy.attempts,
    backoff,
    // Finished jobs are history the database already holds; keep a little for debugging.
    removeOnComplete: { age: 3_600, count: 1_000 },
    removeOnFail: { age: 24 * 3_600, count: 5_000 },
  };
}

/** An error may say how long to wait (a 429 with Retry-After); that wins over the curve. */
export type TRetryAfter = { retryAfterMs?: number };

/**
 * Exponential backoff with "full jitter" (a random wait between half and all of the
 * exponential step), capped, so that many jobs failing together against one model server
 * do not come back together and knock it over again.
 */
export function cappedExponentialBackoff(
  attemptsMade: number,
  baseDelayMs: number,
  maxDelayMs: number,
  err?: Error & TRetryAfter,
  random: () => number = Math.random,
): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = Math.floor(step / 2 + random() * (step / 2));
  const asked = err?.retryAfterMs;
  return asked !== undefined && asked > 0 ? Math.min(maxDelayMs, Math.max(asked, jittered)) : jittered;
}
