import { ARENA_JOBS, deriveCredentialKey, egressPolicyFromEnv, ZStreamTurnPayload } from "@arbiter/jobs";
import { type Job, UnrecoverableError } from "bullmq";
import { createModerationClient } from "../features/arena/moderate";
import { streamTurn } from "../features/arena/stream-turn";
import { sweepStalledTurns } from "../features/arena/sweep";
import { createInferenceClient } from "../inference/client";
import type { ProcessorDefinition } from "./types";

/**
 * Live arena turns: both sides stream from their model servers into the battle's Redis
 * Stream. Failures of a model end its side (the job itself succeeds); only a crash makes
 * BullMQ run the job again, and the second attempt ends what the first left open.
 */
export const arenaProcessor: ProcessorDefinition = {
  queue: "arena",
  create(deps) {
    const { env, db } = deps;
    const egress = egressPolicyFromEnv(env);
    const inference = createInferenceClient({
      timeoutMs: env.GENERATION_REQUEST_TIMEOUT_MS,
      credentialKey: deriveCredentialKey(env),
      egress,
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
    const moderation = createModerationClient({
      egress,
      timeoutMs: env.ARENA_MODERATION_TIMEOUT_MS,
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
    const streamDeps = {
      pool: db.pool,
      redis: deps.redis,
      prefix: deps.prefix,
      inference,
      moderation,
      idleTimeoutMs: env.ARENA_IDLE_TIMEOUT_MS,
    };

    // One replica at a time ends turns that no job will finish (see sweepStalledTurns).
    const sweepLock = `${deps.prefix}:arena:sweep-lock`;
    async function sweep() {
      try {
        if ((await deps.redis.set(sweepLock, "1", "PX", env.ARENA_SWEEP_INTERVAL_MS, "NX")) !== "OK") return;
        const ended = await sweepStalledTurns(db.pool, deps.redis, deps.prefix, env.ARENA_TURN_DEADLINE_MS);
        if (ended > 0) deps.logger.warn({ ended }, "ended arena turns that stopped streaming");
      } catch (err) {
        deps.logger.warn({ err }, "arena sweep failed; will try again");
      }
    }
    const sweeper = setInterval(() => void sweep(), env.ARENA_SWEEP_INTERVAL_MS);
    sweeper.unref();

    async function process(job: Job) {
      if (job.name !== ARENA_JOBS.streamTurn) throw new UnrecoverableError(`unknown job ${job.name}`);
      return { status: await streamTurn(streamDeps, ZStreamTurnPayload.parse(job.data)) };
    }

    return {
      process,
      options: { concurrency: env.ARENA_CONCURRENCY },
      close: async () => {
        clearInterval(sweeper);
        await inference.close();
        await moderation.close();
      },
    };
  },
};
