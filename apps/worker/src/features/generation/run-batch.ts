import type pg from "pg";
import type { InferenceClient } from "../../inference/client";
import { classifyInferenceError, type InferenceError } from "../../inference/errors";
import type { GeneratorLimiter, Permit } from "./generator-limiter";
import type { RequestSlots } from "./request-slots";
import {
  cancelSamples,
  finishRunIfComplete,
  loadBatchWork,
  storeBatch,
  type TBatchWrite,
  type TSampleWork,
} from "./sample-store";

export type TBatchOutcome =
  | { kind: "done"; stored: number; failed: number }
  | { kind: "skipped"; reason: string }
  /** Not an attempt: the generator is busy or paced, or the worker is shutting down. */
  | { kind: "wait"; retryInMs: number }
  /** Some samples failed and may be retried; the others are stored already. */
  | { kind: "retry"; retryInMs: number; message: string };

export type RunBatchDeps = {
  pool: pg.Pool;
  inference: InferenceClient;
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
const WRITE_EVERY_MS = 500;
// A paced generator's next turn is waited for in the job up to this long; a longer wait
// gives the worker slot back.
const INLINE_PACE_MS = 1_000;

/**
 * One job: up to a handful of one generator's samples. It takes one slot of the generator's
 * semaphore and makes their requests one after another, so the job costs one read, one
 * admission and (usually) one write however many samples it holds. Samples already stored
 * are not asked again when the job runs a second time (a retry, a re-delivery after a crash):
 * only those still pending in the ledger are loaded.
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
  const retry: { delayMs: number; message: string }[] = [];
  let wait: number | null = null;
  await deps.requestSlots.take();
  try {
    wait = await requestAll(deps, work, options, batch, retry);
  } finally {
    deps.requestSlots.give();
  }
  const outcome = await batch.close();
  if (retry.length > 0) {
    const delayMs = Math.max(...retry.map((r) => r.delayMs), wait ?? 0);
    return { kind: "retry", retryInMs: delayMs, message: retry[0]!.message };
  }
  if (wait !== null) return { kind: "wait", retryInMs: wait };
  return outcome;
}

/**
 * The requests of a batch, one after another, under one slot of each generator's semaphore.
 * Returns null when every sample was asked (or the run was cancelled meanwhile), else how
 * long the rest should wait.
 */
async function requestAll(
  deps: RunBatchDeps,
  work: TSampleWork[],
  options: RunBatchOptions,
  batch: BatchWriter,
  retry: { delayMs: number; message: string }[],
): Promise<number | null> {
  // Planned batches hold one generator; the grouping keeps any other payload correct too.
  for (const group of groupByGenerator(work)) {
    const generator = group[0]!.generator;
    if (generator.deleted) {
      for (const s of group) batch.error(s.sampleId, "generator was deleted", true);
      continue;
    }
    const admission = await deps.limiter.acquire(group[0]!.generatorId, options.holder, generator);
    if (!admission.admitted) return admission.retryInMs;
    try {
      for (const sample of group) {
        const ready = await readyForRequest(admission.permit, options.signal);
        if (ready !== 0) return Math.max(ready, 0);
        const failure = await requestOne(deps, sample, options, batch);
        if (failure) retry.push(failure);
        if (batch.age() >= WRITE_EVERY_MS && !(await batch.write())) return null;
      }
    } finally {
      admission.permit.release();
    }
  }
  return null;
}

/** 0: go; > 0: wait that long elsewhere; -1: stop now (shutdown, or the slot was lost). */
async function readyForRequest(permit: Permit, signal: AbortSignal | undefined): Promise<number> {
  if (signal?.aborted) return -1;
  if (!(await permit.renew())) return 50;
  for (;;) {
    const paced = await permit.pace();
    if (paced === 0) return 0;
    if (paced > INLINE_PACE_MS) return paced;
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

type BatchWriter = ReturnType<typeof createBatchWriter>;

/** Buffers a job's results and writes them in one statement; then closes the run if it was the last. */
function createBatchWriter(pool: pg.Pool, runId: string) {
  let buffer: TBatchWrite = { done: [], errors: [] };
  let since = Date.now();
  let stored = 0;
  let failed = 0;
  let settledAny = false;

  /** Writes what is buffered; false once the run is no longer running (cancelled). */
  async function write(): Promise<boolean> {
    since = Date.now();
    if (buffer.done.length === 0 && buffer.errors.length === 0) return true;
    const pending = buffer;
    buffer = { done: [], errors: [] };
    const written = await storeBatch(pool, runId, pending);
    stored += written.stored;
    failed += written.failed;
    if (written.stored + written.failed > 0) settledAny = true;
    return written.runStatus === "RUNNING";
  }

  return {
    done: (sampleId: string, values: TBatchWrite["done"][number]["values"]) =>
      buffer.done.push({ sampleId, values }),
    error: (sampleId: string, message: string, final: boolean) =>
      buffer.errors.push({ sampleId, message, final }),
    age: () => Date.now() - since,
    write,
    /** The last write, then the end-of-run check when this job may have settled the run's last samples. */
    close: async (): Promise<TBatchOutcome> => {
      await write();
      if (settledAny) await finishRunIfComplete(pool, runId);
      return { kind: "done", stored, failed };
    },
  };
}
