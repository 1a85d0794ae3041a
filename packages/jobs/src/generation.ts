import { z } from "zod";

/** Job names on the generation queue. */
export const GENERATION_JOBS = {
  /** Expands a run into sample-batch jobs: a few samples of one generator each. */
  planRun: "plan-run",
  /** Asks the model server for a few samples' completions, one after another, and stores them. */
  sampleBatch: "sample-batch",
  /** One real request to a generator, answered to the API that waits for it. */
  testGenerator: "test-generator",
} as const;

export const ZPlanRunPayload = z.object({ runId: z.uuid() });
export type TPlanRunPayload = z.infer<typeof ZPlanRunPayload>;

export const MAX_SAMPLES_PER_JOB = 100;
// Only ids travel: the worker reads the prompts, the generator (which may have been edited
// since) and the samples' state from the database when the job runs.
export const ZSampleBatchPayload = z.object({
  runId: z.uuid(),
  sampleIds: z.array(z.uuid()).min(1).max(MAX_SAMPLES_PER_JOB),
});
export type TSampleBatchPayload = z.infer<typeof ZSampleBatchPayload>;

export const ZTestGeneratorPayload = z.object({ generatorId: z.uuid() });
export type TTestGeneratorPayload = z.infer<typeof ZTestGeneratorPayload>;

/**
 * What a worker answers a connection test with. `error` is a failure class (the enum of
 * @arbiter/shared's ZGeneratorFailure), never text from the model server; the API checks it
 * against that enum and adds the fixed message.
 */
export const ZTestGeneratorResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), latencyMs: z.number(), model: z.string(), status: z.number().optional() }),
  z.object({ ok: z.literal(false), latencyMs: z.number(), error: z.string(), status: z.number().optional() }),
]);
export type TTestGeneratorResult = z.infer<typeof ZTestGeneratorResult>;

/** BullMQ job ids may not contain ':'; these are stable so that re-enqueueing is a no-op. */
export function planRunJobId(runId: string): string {
  return `plan-${runId}`;
}
/** A batch is named after its first sample, which the same run always cuts the same way. */
export function sampleBatchJobId(firstSampleId: string): string {
  return `samples-${firstSampleId}`;
}
