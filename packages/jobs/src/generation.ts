import { z } from "zod";

/** Job names on the generation queue. */
export const GENERATION_JOBS = {
  /** Expands a run into one sample job per (prompt, generator, sample index). */
  planRun: "plan-run",
  /** Asks the model server for one completion and stores it. */
  sample: "sample",
  /** One real request to a generator, answered to the API that waits for it. */
  testGenerator: "test-generator",
} as const;

export const ZPlanRunPayload = z.object({ runId: z.uuid() });
export type TPlanRunPayload = z.infer<typeof ZPlanRunPayload>;

// Only ids travel: the worker reads the prompt, the generator (which may have been edited
// since) and the sample's state from the database when the job runs.
export const ZSamplePayload = z.object({ runId: z.uuid(), sampleId: z.uuid() });
export type TSamplePayload = z.infer<typeof ZSamplePayload>;

export const ZTestGeneratorPayload = z.object({ generatorId: z.uuid() });
export type TTestGeneratorPayload = z.infer<typeof ZTestGeneratorPayload>;

export const ZTestGeneratorResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), latencyMs: z.number(), model: z.string(), text: z.string() }),
  z.object({ ok: z.literal(false), latencyMs: z.number(), error: z.string(), status: z.number().optional() }),
]);
export type TTestGeneratorResult = z.infer<typeof ZTestGeneratorResult>;

/** BullMQ job ids may not contain ':'; these are stable so that re-enqueueing is a no-op. */
export function planRunJobId(runId: string): string {
  return `plan-${runId}`;
}
export function sampleJobId(sampleId: string): string {
  return `sample-${sampleId}`;
}
