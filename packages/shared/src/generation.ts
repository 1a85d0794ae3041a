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

/** Operators hand the worker keys under this prefix only; no other variable of the worker is reachable. */
export const GENERATOR_KEY_ENV_PATTERN = /^ARBITER_GENERATOR_KEY_[A-Z0-9_]+$/;

// Checked again by the API against the egress policy (loopback, metadata... addresses) and by
// the worker on every address it connects to; this part needs no configuration.
const ZBaseUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2_000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return !url.username && !url.password;
    } catch {
      // Runs even when the URL check failed; that failure is reported already.
      return true;
    }
  }, "must not carry credentials; give the key as apiKey");

const ZGeneratorFields = z.strictObject({
  name: zName,
  baseUrl: ZBaseUrl,
  model: z.string().trim().min(1).max(200),
  mode: ZGenerationMode.default("chat"),
  params: ZGeneratorParams.default({}),
  // Write-only: stored encrypted, read back by the worker only; responses say whether one is
  // set and its last four characters. null removes it.
  apiKey: z
    .string()
    .min(1)
    .max(4_096)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .nullish(),
  // For operators: names a worker env var holding the key. Only ARBITER_GENERATOR_KEY_* names,
  // so a generator can never send the worker's own secrets (DATABASE_URL, ARBITER_SECRET...).
  apiKeyEnv: z
    .string()
    .regex(GENERATOR_KEY_ENV_PATTERN, "must be an environment variable named ARBITER_GENERATOR_KEY_...")
    .max(128)
    .nullish(),
  concurrency: z.int().min(1).max(1_000).default(4),
  requestsPerMinute: z.int().min(1).max(1_000_000).nullish(),
});

// Strict: a misspelt `apiKey` must not pass silently and leave a generator without its key.
export const ZCreateGeneratorBody = ZGeneratorFields.strict();
export type TCreateGeneratorBody = z.infer<typeof ZCreateGeneratorBody>;

export const ZUpdateGeneratorBody = z
  .strictObject({
    name: ZGeneratorFields.shape.name,
    baseUrl: ZGeneratorFields.shape.baseUrl,
    model: ZGeneratorFields.shape.model,
    mode: ZGenerationMode,
    params: ZGeneratorParams,
    apiKey: ZGeneratorFields.shape.apiKey,
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
  /** Whether a key is stored; the key itself is never returned. */
  apiKeySet: z.boolean(),
  /** The stored key's last four characters (null for none, or for a key too short to show any). */
  apiKeyLast4: z.string().nullable(),
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

/**
 * Why a connection test (or a generation request) failed. Each has one fixed message: nothing
 * the model server said reaches the caller, so the test cannot read other services' answers.
 */
export const ZGeneratorFailure = z.enum([
  "egress_denied",
  "unreachable",
  "timeout",
  "redirect",
  "unauthorized",
  "not_found",
  "bad_request",
  "rate_limited",
  "server_error",
  "bad_response",
  "key_unavailable",
  "generator_missing",
  "worker_error",
]);
export type TGeneratorFailure = z.infer<typeof ZGeneratorFailure>;

export const GENERATOR_FAILURES: Record<TGeneratorFailure, string> = {
  egress_denied:
    "The worker's egress policy does not allow this address (loopback, link-local, cloud metadata, unspecified, or private where denied); an operator can allow the host with GENERATOR_ALLOWED_HOSTS.",
  unreachable: "Could not connect to the model server.",
  timeout: "The model server did not answer in time.",
  redirect: "The model server answered with a redirect; redirects are not followed.",
  unauthorized: "The model server refused the API key.",
  not_found: "The model server answered 404: check the base URL and the model name.",
  bad_request: "The model server refused the request: check the model name and the parameters.",
  rate_limited: "The model server asked to slow down.",
  server_error: "The model server failed to answer.",
  bad_response: "The model server's answer is not an OpenAI-compatible completion.",
  key_unavailable: "The worker could not read the generator's API key.",
  generator_missing: "The generator no longer exists.",
  worker_error: "The worker could not report the outcome of the test.",
};

export const ZGeneratorTestResponse = z.discriminatedUnion("ok", [
  z.strictObject({
    ok: z.literal(true),
    /** The model server's HTTP status. */
    status: z.int(),
    latencyMs: z.int(),
    /** The generator's model, which answered. */
    model: z.string(),
  }),
  z.strictObject({
    ok: z.literal(false),
    error: ZGeneratorFailure,
    /** Fixed per `error`; never text from the model server. */
    message: z.string(),
    /** The model server's HTTP status, when it answered with one. */
    status: z.int().nullable(),
    latencyMs: z.int(),
  }),
]);
export type TGeneratorTestResponse = z.infer<typeof ZGeneratorTestResponse>;

export const ZCreateRunBody = z.strictObject({
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

export const ZBuildItemsBody = z.strictObject({
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
