import { MAX_SAMPLES_PER_JOB, WEBHOOK_RETRY, ZCredentialEnv, ZEgressEnv } from "@arbiter/jobs";
import { ZMetricsEnv } from "@arbiter/observability";
import { checkProductionSecret, ZArbiterSecret, zCommaList } from "@arbiter/shared";
import { z } from "zod";

export const ZWorkerEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/arbiter"),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
    REDIS_PREFIX: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WORKER_HEALTH_HOST: z.string().min(1).default("127.0.0.1"),
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
    // /metrics on the health port asks for this Bearer token when it is set.
    ...ZMetricsEnv,
    EXPORT_DIR: z.string().min(1).default("./exports"),
    ARBITER_SECRET: ZArbiterSecret,
    // Decrypts generators' stored API keys; the API's value (ARBITER_SECRET when unset).
    ...ZCredentialEnv,
    // Which hosts generators may reach beyond the default rules (see packages/jobs egress.ts).
    ...ZEgressEnv,
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    // Jobs one worker process runs at once across all generators; each generator's own
    // `concurrency` then limits how many of those may call it, across all worker replicas.
    GENERATION_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(32),
    // Optional queue-wide cap on generation jobs started per window, for a model fleet whose
    // capacity is shared by every generator.
    GENERATION_RATE_MAX: z.coerce.number().int().min(1).optional(),
    GENERATION_RATE_WINDOW_MS: z.coerce.number().int().min(1).default(1_000),
    GENERATION_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
    // Samples per job. By default a run is cut into at least 20 jobs per generator, of 1 to 50
    // samples each; a job makes up to 8 requests at once. Same value on every worker replica
    // (the recovery sweep recognises a run's jobs by the way it is cut).
    GENERATION_BATCH_SIZE: z.coerce.number().int().min(1).max(MAX_SAMPLES_PER_JOB).optional(),
    // Retry curve of sample jobs, applied when a run is enqueued.
    GENERATION_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    GENERATION_BACKOFF_MS: z.coerce.number().int().min(1).default(1_000),
    GENERATION_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(60_000),
    // How often a worker looks for active runs whose queued jobs were lost (Redis restarted
    // without persistence, or a job failed by the stall limit) and enqueues them again.
    GENERATION_RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
    // Live arena turns streaming at once in one worker process (each holds two model streams).
    ARENA_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(64),
    // A model stream that sends nothing for this long ends its side as stalled.
    ARENA_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    ARENA_MODERATION_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    // Turns still streaming this long after they started are ended by the sweep (their job was
    // lost); the sweep runs every ARENA_SWEEP_INTERVAL_MS on one replica.
    ARENA_TURN_DEADLINE_MS: z.coerce.number().int().min(1_000).default(600_000),
    ARENA_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    // How long a crashed worker's job stays locked before another worker takes it over.
    JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    JOB_STALLED_CHECK_MS: z.coerce.number().int().min(200).default(30_000),
    EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    // How often a worker looks for exports without a job (requested while Redis was away, or
    // lost with a Redis restart) and enqueues them.
    EXPORT_RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
    // Webhook deliveries: attempts and their capped exponential curve (the default covers a
    // receiver that is down for over an hour), the request timeout, and how often the
    // dispatcher moves outbox rows onto the queue and reads new judgments (judgment.created
    // carries up to WEBHOOK_JUDGMENT_BATCH judgments per delivery).
    WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(WEBHOOK_RETRY.attempts),
    WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(WEBHOOK_RETRY.baseDelayMs),
    WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(WEBHOOK_RETRY.maxDelayMs),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
    WEBHOOK_JUDGMENT_BATCH: z.coerce.number().int().min(1).max(1_000).default(100),
    WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
    // Crowd participants (accounts that joined with a platform id) inactive for this many days
    // are erased, their answers kept under the pseudonym; unset: kept until an admin erases them.
    CROWD_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
    RETENTION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(3_600_000),
    // How often a scheduled sweep refits adaptive projects with answers newer than their last
    // fit (the safety net under the refit the API asks for after answers).
    ADAPTIVE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
    // Which queues this process consumes (comma separated); all by default.
    WORKER_QUEUES: zCommaList,
  })
  .superRefine(checkProductionSecret);

export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;

/** Parses the environment, or explains which variable is wrong. */
export function parseWorkerEnv(env: Record<string, string | undefined>): TWorkerEnv {
  const parsed = ZWorkerEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
