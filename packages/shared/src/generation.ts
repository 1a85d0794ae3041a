import { z } from "zod";
import { ZId, zName } from "./common";

/**
 * Sampling parameters sent with every request. The known ones are checked; anything else
 * (top_k, min_p, repetition_penalty...) passes through to the server as given.
 */
export const ZGeneratorParams = z
  .looseObject({
    temperature: z.number().min(0).max(100).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    max_tokens: z.int().min(1).max(1_000_000).optional(),
    stop: z.union([z.string().max(200), z.array(z.string().max(200)).max(16)]).optional(),
    seed: z
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .refine((p) => Object.keys(p).length <= 50, "at most 50 parameters")
  .refine((p) => JSON.stringify(p).length <= 20_000, "parameters are too large");

export const ZGenerationMode = z.enum(["chat", "completion"]);

const ZGeneratorFields = z.object({
  name: zName,
  baseUrl: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).max(2_000),
  model: z.string().trim().min(1).max(200),
  mode: ZGenerationMode.default("chat"),
  params: ZGeneratorParams.default({}),
  // Names an environment variable of the worker; the key itself is never sent or stored.
  apiKeyEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, "must be an environment variable name (A-Z, 0-9, _)")
    .nullish(),
  concurrency: z.int().min(1).max(1_000).default(4),
  requestsPerMinute: z.int().min(1).max(1_000_000).nullish(),
});

export const ZCreateGeneratorBody = ZGeneratorFields;
export type TCreateGeneratorBody = z.infer<typeof ZCreateGeneratorBody>;

export const ZUpdateGeneratorBody = z
  .object({
    name: ZGeneratorFields.shape.name,
    baseUrl: ZGeneratorFields.shape.baseUrl,
    model: ZGeneratorFields.shape.model,
    mode: ZGenerationMode,
    params: ZGeneratorParams,
    apiKeyEnv: ZGeneratorFields.shape.apiKeyEnv,
    concurrency: ZGeneratorFields.shape.concurrency.unwrap(),
    requestsPerMinute: ZGeneratorFields.shape.requestsPerMinute,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "give at least one field to change");
export type TUpdateGeneratorBody = z.infer<typeof ZUpdateGeneratorBody>;

export const ZGenerator = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  model: z.string(),
  mode: ZGenerationMode,
  params: z.record(z.string(), z.unknown()),
  apiKeyEnv: z.string().nullable(),
  concurrency: z.number(),
  requestsPerMinute: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TGenerator = z.infer<typeof ZGenerator>;

export const ZGeneratorParamsPath = z.object({ id: ZId, gid: ZId });
export const ZGeneratorResponse = z.object({ generator: ZGenerator });
export type TGeneratorResponse = z.infer<typeof ZGeneratorResponse>;
export const ZGeneratorListResponse = z.object({ generators: z.array(ZGenerator) });
export type TGeneratorListResponse = z.infer<typeof ZGeneratorListResponse>;

export const ZGeneratorTestResponse = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), latencyMs: z.number(), model: z.string(), text: z.string() }),
  z.object({ ok: z.literal(false), latencyMs: z.number(), error: z.string(), status: z.number().optional() }),
]);
export type TGeneratorTestResponse = z.infer<typeof ZGeneratorTestResponse>;

export const ZCreateRunBody = z.object({
  generatorIds: z.array(ZId).min(1).max(20),
  samplesPerPrompt: z.int().min(1).max(64).default(1),
  // Omitted: every prompt of the project at the time the run starts.
  promptIds: z.array(ZId).min(1).max(100_000).optional(),
});
export type TCreateRunBody = z.infer<typeof ZCreateRunBody>;

// QUEUED until the worker has written the run's whole ledger; a large run's first samples are
// under way before that, and then `startedAt` is set already.
export const ZRunStatus = z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]);

export const ZRunError = z.object({
  promptId: z.string(),
  generatorId: z.string(),
  sampleIndex: z.number(),
  message: z.string(),
  /** False while the sample is still being retried. */
  final: z.boolean(),
  at: z.string(),
});

export const ZGenerationRun = z.object({
  id: z.string(),
  projectId: z.string(),
  status: ZRunStatus,
  generatorIds: z.array(z.string()),
  samplesPerPrompt: z.number(),
  total: z.number(),
  pending: z.number(),
  done: z.number(),
  failed: z.number(),
  cancelled: z.number(),
  lastErrors: z.array(ZRunError),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TGenerationRun = z.infer<typeof ZGenerationRun>;

export const ZRunParamsPath = z.object({ id: ZId, rid: ZId });
export const ZRunResponse = z.object({ run: ZGenerationRun });
export type TRunResponse = z.infer<typeof ZRunResponse>;
export const ZRunListResponse = z.object({ runs: z.array(ZGenerationRun) });
export type TRunListResponse = z.infer<typeof ZRunListResponse>;

export const ZBuildItemsBody = z.object({
  strategy: z.enum(["cross-generator", "same-generator", "k-wise"]),
  // Limits the completions used; omitted: every completion of the project's prompts.
  generatorIds: z.array(ZId).min(1).max(50).optional(),
  runId: ZId.optional(),
  // Options per item for k-wise; defaults to the project's options per item.
  k: z.int().min(2).max(9).optional(),
  maxPerPrompt: z.int().min(1).max(1_000).optional(),
  // Completions whose normalised text (case, whitespace, punctuation) is equal are not compared.
  skipIdentical: z.boolean().default(true),
});
export type TBuildItemsBody = z.infer<typeof ZBuildItemsBody>;

export const ZBuildItemsResponse = z.object({
  created: z.number(),
  existing: z.number(),
  skippedIdentical: z.number(),
  prompts: z.number(),
});
export type TBuildItemsResponse = z.infer<typeof ZBuildItemsResponse>;

export const ZImportReject = z.object({ line: z.number(), reason: z.string() });

export const ZImportResponse = z.object({
  dryRun: z.boolean(),
  mode: z.enum(["all-or-nothing", "partial"]),
  lines: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  /** The first rejects, each with its 1-based line number (the CSV header is line 1). */
  rejects: z.array(ZImportReject),
  /** True when nothing was written (dry run, or all-or-nothing with rejects). */
  rolledBack: z.boolean(),
});
export type TImportResponse = z.infer<typeof ZImportResponse>;

/** One imported completion: its prompt by id, external id or content, and its text. */
export const ZCompletionImportLine = z
  .object({
    promptId: ZId.optional(),
    promptExternalId: z.string().trim().min(1).max(200).optional(),
    model: z.string().trim().min(1).max(200),
    text: z.string().max(200_000),
    sampleIndex: z.int().min(0).max(10_000).optional(),
    finishReason: z.string().max(50).optional(),
    metadata: z.record(z.string().max(200), z.unknown()).optional(),
  })
  .refine((c) => (c.promptId === undefined) !== (c.promptExternalId === undefined), {
    path: ["promptId"],
    message: "give exactly one of promptId or promptExternalId",
  });
export type TCompletionImportLine = z.infer<typeof ZCompletionImportLine>;
