import type pg from "pg";
import type { InferenceClient } from "../../inference/client";
import { classifyInferenceError, type InferenceError } from "../../inference/errors";
import type { GeneratorLimiter } from "./generator-limiter";
import {
  cancelSample,
  finishRunIfComplete,
  loadSampleWork,
  recordSampleError,
  storeCompletion,
} from "./sample-store";

export type TSampleOutcome =
  | { kind: "done" }
  | { kind: "skipped"; reason: string }
  | { kind: "wait"; retryInMs: number }
  | { kind: "failed"; message: string }
  | { kind: "retry"; error: InferenceError };

export type RunSampleDeps = { pool: pg.Pool; inference: InferenceClient; limiter: GeneratorLimiter };

/**
 * One sample: admission by the generator's limits, one request, one idempotent write.
 * `holder` identifies this job in the generator's semaphore; `finalAttempt` says whether a
 * retryable failure should end the sample instead of being retried.
 */
export async function runSample(
  deps: RunSampleDeps,
  sampleId: string,
  holder: string,
  finalAttempt: boolean,
): Promise<TSampleOutcome> {
  const work = await loadSampleWork(deps.pool, sampleId);
  if (!work) return { kind: "skipped", reason: "sample no longer exists" };
  if (work.status !== "PENDING") return { kind: "skipped", reason: `sample is ${work.status}` };
  if (work.runStatus === "CANCELLED") {
    await cancelSample(deps.pool, sampleId);
    await finishRunIfComplete(deps.pool, work.runId);
    return { kind: "skipped", reason: "run cancelled" };
  }
  if (work.generator.deleted) return fail(deps, work.runId, sampleId, "generator was deleted");

  const admission = await deps.limiter.acquire(work.generatorId, holder, work.generator);
  if (!admission.admitted) return { kind: "wait", retryInMs: admission.retryInMs };

  let result: Awaited<ReturnType<InferenceClient["complete"]>>;
  const baseSeed = work.generator.params.seed;
  // Each sample of a seeded generator gets its own seed, so samples differ yet reproduce.
  const seed = typeof baseSeed === "number" ? baseSeed + work.sampleIndex : null;
  try {
    result = await deps.inference.complete(
      work.generator,
      { messages: work.messages, text: work.text },
      seed === null ? {} : { seed },
    );
  } catch (err) {
    const error = classifyInferenceError(err);
    if (!error.retryable) return fail(deps, work.runId, sampleId, error.message);
    if (finalAttempt) return fail(deps, work.runId, sampleId, `gave up after retries: ${error.message}`);
    await recordSampleError(deps.pool, sampleId, error.message, false);
    return { kind: "retry", error };
  } finally {
    // Not awaited: the slot frees a round trip later at worst, and the lease bounds a miss.
    void deps.limiter.release(work.generatorId, holder).catch(() => undefined);
  }

  const stored = await storeCompletion(deps.pool, work, {
    model: result.model || work.generator.model,
    text: result.text,
    params: result.requestParams,
    finishReason: result.finishReason,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    latencyMs: result.latencyMs,
    seed,
  });
  // Near the end every sample checks (the last committer then always sees the run done);
  // with more pending than could ever be in flight, none of them can be the last. More than
  // that many in flight at once (a huge fleet) is closed by the recovery sweep instead.
  if (!stored.manyPending) await finishRunIfComplete(deps.pool, work.runId);
  return stored.stored ? { kind: "done" } : { kind: "skipped", reason: "sample stopped while in flight" };
}

async function fail(
  deps: RunSampleDeps,
  runId: string,
  sampleId: string,
  message: string,
): Promise<TSampleOutcome> {
  await recordSampleError(deps.pool, sampleId, message, true);
  await finishRunIfComplete(deps.pool, runId);
  return { kind: "failed", message };
}
