import { jobTraceOptions } from "@arbiter/observability";
import type { Queue } from "bullmq";
import { z } from "zod";

/** Job names on the arena queue. */
export const ARENA_JOBS = {
  /** Moderates one battle turn's prompt, then streams both sides' answers into the battle's stream. */
  streamTurn: "stream-turn",
} as const;

// Only ids travel: the worker reads the battle, its generators and the prompts when the job runs.
export const ZStreamTurnPayload = z.object({ battleId: z.uuid(), turn: z.number().int().min(1) });
export type TStreamTurnPayload = z.infer<typeof ZStreamTurnPayload>;

/**
 * A live turn is worth one attempt and one retry: the retry exists for a worker that died
 * before the first token (BullMQ's stalled-job recovery hands it on); once tokens went out,
 * the retry ends the sides instead of streaming them twice (apps/worker arena feature).
 */
export const ARENA_JOB_OPTIONS = {
  attempts: 2,
  backoff: { type: "fixed", delay: 100 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 24 * 3_600, count: 5_000 },
} as const;

export function streamTurnJobId(battleId: string, turn: number): string {
  return `turn-${battleId}-${turn}`;
}

export async function enqueueStreamTurn(queue: Queue, battleId: string, turn: number): Promise<void> {
  await queue.add(
    ARENA_JOBS.streamTurn,
    { battleId, turn },
    { jobId: streamTurnJobId(battleId, turn), ...ARENA_JOB_OPTIONS, ...jobTraceOptions() },
  );
}

/**
 * The Redis Stream of one battle: every token, end and failure of every turn, in order. Entry
 * ids are the SSE event ids, so `Last-Event-ID` resumes exactly after the last one received.
 * Bounded by MAXLEN and an expiry; the finished texts live in Postgres.
 */
export function battleStreamKey(prefix: string, battleId: string): string {
  return `${prefix}:arena:battle:${battleId}`;
}

/** Set when a turn's first token was written: a second attempt must not stream it again. */
export function turnStartedKey(prefix: string, battleId: string, turn: number): string {
  return `${prefix}:arena:started:${battleId}:${turn}`;
}

export const BATTLE_STREAM_MAXLEN = 20_000;
export const BATTLE_STREAM_TTL_SECONDS = 24 * 3_600;

/** A stream entry's fields: `type` and `data` (the event's JSON, as the browser gets it). */
export type TBattleStreamEntry = { type: string; data: string };
