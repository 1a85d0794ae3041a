import type pg from "pg";
import type { InferenceClient } from "../../inference/client";
import { classifyInferenceError, type InferenceError } from "../../inference/errors";
import { type BatchWriter, createBatchWriter } from "./batch-writer";
import type { GeneratorLimiter, Permit } from "./generator-limiter";
import type { RequestSlots } from "./request-slots";
import { cancelSamples, finishRunIfComplete, loadBatchWork, type TSampleWork } from "./sample-store";

export type TBatchOutcome =
  | { kind: "done"; stored: number; failed: number }
  | { kind: "skipped"; reason: string }
  /** Not an attempt: the generator is busy or paced, or the worker is shutting down. */
  | { kind: "wait"; retryInMs: number }
  /** Some samples failed and may be retried; the others are stored already. */
  | { kind: "retry"; retryInMs: number; message: string };

export type RunBatchDeps = {
  pool: pg.Pool;
  inference: Pick<InferenceClient, "complete">;
  limiter: GeneratorLimiter;
  requestSlots: RequestSlots;
};

export type RunBatchOptions = {
  /** Identifies this job in the generator's semaphore (a re-delivered job keeps its slot). */
  holder: string;
  /** A sample that has failed this many times in all is failed for good. */
  maxAttempts: number;
  /** The wait before a retry, from the sample's failed attempts so far. */
  backoffMs: (attempts: number, error: InferenceError) => number;
  /** Aborted when the worker shuts down: the request in flight finishes, the rest waits. */
  signal?: AbortSignal;
};

// Results are written when the batch ends, or sooner once this much time has passed since
// the last write: slow requests then land one by one (the run's progress moves, a cancel is
// seen), fast ones share one statement.
const WRITE_EVERY_MS = 2_000;
// A paced generator's next turn is waited for in the job up to this long; a longer wait
// gives the slots back and delays the job.
const INLINE_PACE_MS = 1_000;
// Requests a job makes at once (more when slots would otherwise idle, see requestGroup). A
// job of many samples thus keeps several of a generator's slots busy, so batches can be large
// (few jobs, reads and writes) without losing parallelism.
const MAX_LANES = 8;

/**
 * One job: a batch of one generator's samples. Its lanes (see MAX_LANES) take the samples in
 * turn, so the job costs one read, one admission per lane and (usually) one write however
 * many samples it holds. Samples already stored are not asked again when the job runs a
 * second time (a retry, a re-delivery after a crash): only those still pending in the
 * ledger are loaded.
 */
export async function runBatch(
  deps: RunBatchDeps,
  runId: string,
  sampleIds: string[],
  options: RunBatchOptions,
): Promise<TBatchOutcome> {
  const work = await loadBatchWork(deps.pool, runId, sampleIds);
  if (work.length === 0) return { kind: "skipped", reason: "no sample of the job is pending" };
  if (work[0]!.runStatus === "CANCELLED") {
    await cancelSamples(
      deps.pool,
      work.map((w) => w.sampleId),
    );
    await finishRunIfComplete(deps.pool, runId);
    return { kind: "skipped", reason: "run cancelled" };
  }

  const batch = createBatchWriter(deps.pool, runId);
  const state: TBatchState = { retry: [], wait: null, stop: false, cancelled: false, left: 0 };
  try {
    // Planned batches hold one generator; the grouping keeps any other payload correct too.
    for (const group of groupByGenerator(work)) {
      if (state.stop) {
        state.left += group.length;
        continue;
      }
      await requestGroup(deps, group, options, batch, state);
    }
  } catch (err) {
    // The job fails and comes back, asking only for samples still pending: what it already
    // has is kept if it can be, rather than asked for again.
    await batch.close().catch(() => undefined);
    throw err;
  }
  const { stored, failed } = await batch.close();
  if (state.retry.length > 0) {
    const delayMs = Math.max(...state.retry.map((r) => r.delayMs), state.wait ?? 0);
    return { kind: "retry", retryInMs: delayMs, message: state.retry[0]!.message };
  }
  if (state.left > 0 && !state.cancelled) return { kind: "wait", retryInMs: state.wait ?? 0 };
  return { kind: "done", stored, failed };
}

type TBatchState = {
  retry: { delayMs: number; message: string }[];
  /** The longest wait asked for by a lane that stopped or was not admitted. */
  wait: number | null;
  /** Set when the job should ask nothing more: shutdown, a long pace, the run cancelled. */
  stop: boolean;
  cancelled: boolean;
  /** Samples not asked, for a later run of the job. */
  left: number;
};

/**
 * One generator's samples, by lanes that each hold a request slot of this process and a slot
 * of the generator's semaphore, and take the next sample in turn. A job opens MAX_LANES lanes,
 * and more while this process has request slots nobody waits for: at a run's start and end,
 * when few jobs are left, those few then still keep every slot busy.
 */
async function requestGroup(
  deps: RunBatchDeps,
  group: TSampleWork[],
  options: RunBatchOptions,
  batch: BatchWriter,
  state: TBatchState,
): Promise<void> {
  const generator = group[0]!.generator;
  if (generator.deleted) {
    for (const s of group) batch.error(s.sampleId, "generator was deleted", true);
    return;
  }
  let next = 0;
  let opened = 0;
  let full = false;
  const lanes = new Set<Promise<void>>();
  const askWait = (ms: number) => {
    state.wait = Math.max(state.wait ?? 0, ms);
  };

  // A lane that throws (the database went away mid-write) stops the others; the job fails
  // only once every lane has let go of its slots.
  const thrown: unknown[] = [];
  function open(): void {
    const running: Promise<void> = lane(opened++)
      .catch((err) => {
        thrown.push(err);
        state.stop = true;
      })
      .finally(() => lanes.delete(running));
    lanes.add(running);
  }
  function grow(): void {
    while (!full && !state.stop && group.length - next > lanes.size && deps.requestSlots.idle()) open();
  }

  async function lane(index: number): Promise<void> {
    await deps.requestSlots.take();
    try {
      if (next >= group.length || state.stop) return;
      const admission = await deps.limiter.acquire(
        group[0]!.generatorId,
        `${options.holder}:${index}`,
        generator,
      );
      if (!admission.admitted) {
        full = true;
        askWait(admission.retryInMs);
        return;
      }
      try {
        while (next < group.length && !state.stop) {
          const ready = await readyForRequest(admission.permit, options.signal);
          if (!ready.go) {
            askWait(ready.waitMs);
            if (ready.stopJob) state.stop = true;
            return;
          }
          // Another lane may have taken the last sample while this one waited to be ready.
          if (next >= group.length || state.stop) break;
          const failure = await requestOne(deps, group[next++]!, options, batch);
          if (failure) state.retry.push(failure);
          if (batch.age() >= WRITE_EVERY_MS && !(await batch.write())) {
            state.stop = true;
            state.cancelled = true;
          }
          grow();
        }
      } finally {
        admission.permit.release();
      }
    } finally {
      deps.requestSlots.give();
    }
  }

  while (opened < Math.min(MAX_LANES, group.length)) open();
  grow();
  while (lanes.size > 0) await Promise.all(lanes);
  if (thrown.length > 0) throw thrown[0];
  state.left += group.length - next;
}

type TReady = { go: true } | { go: false; waitMs: number; stopJob: boolean };

/**
 * Whether a lane may make its next request: not while the worker shuts down or the run's
 * pace says wait long (the whole job stops), nor with its slot lost (only this lane stops).
 */
async function readyForRequest(permit: Permit, signal: AbortSignal | undefined): Promise<TReady> {
  if (signal?.aborted) return { go: false, waitMs: 0, stopJob: true };
  if (!(await permit.renew())) return { go: false, waitMs: 50, stopJob: false };
  for (;;) {
    const paced = await permit.pace();
    if (paced === 0) return { go: true };
    if (paced > INLINE_PACE_MS) return { go: false, waitMs: paced, stopJob: true };
    await new Promise((r) => setTimeout(r, paced + Math.random() * 20));
  }
}

/** One request; its result or error goes to the writer. Returns the retry it asks for, if any. */
async function requestOne(
  deps: RunBatchDeps,
  sample: TSampleWork,
  options: RunBatchOptions,
  batch: BatchWriter,
): Promise<{ delayMs: number; message: string } | null> {
  const baseSeed = sample.generator.params.seed;
  // Each sample of a seeded generator gets its own seed, so samples differ yet reproduce.
  const seed = typeof baseSeed === "number" ? baseSeed + sample.sampleIndex : null;
  try {
    const result = await deps.inference.complete(
      sample.generator,
      { messages: sample.messages, text: sample.text },
      seed === null ? {} : { seed },
    );
    batch.done(sample.sampleId, {
      model: result.model || sample.generator.model,
      text: result.text,
      params: result.requestParams,
      finishReason: result.finishReason,
      promptTokens: result.promptTokens,
      completionTokens: result.completionTokens,
      latencyMs: result.latencyMs,
      seed,
    });
    return null;
  } catch (err) {
    const error = classifyInferenceError(err);
    const attempts = sample.attempts + 1;
    if (!error.retryable) {
      batch.error(sample.sampleId, error.message, true);
    } else if (attempts >= options.maxAttempts) {
      batch.error(sample.sampleId, `gave up after retries: ${error.message}`, true);
    } else {
      batch.error(sample.sampleId, error.message, false);
      return { delayMs: options.backoffMs(attempts, error), message: error.message };
    }
    return null;
  }
}

function groupByGenerator(work: TSampleWork[]): TSampleWork[][] {
  const groups = new Map<string, TSampleWork[]>();
  for (const w of work) {
    const group = groups.get(w.generatorId);
    if (group) group.push(w);
    else groups.set(w.generatorId, [w]);
  }
  return [...groups.values()];
}
