import { z } from "zod";
import { ZCursorQuery } from "./common";

export const EXPORT_FORMATS = ["trl", "hh", "openai-dpo", "kto", "ranked", "raw"] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** Bumped whenever a row or manifest field changes meaning. */
export const EXPORT_SCHEMA_VERSION = 1;

export const EXPORT_AGGREGATIONS = ["per-judgment", "majority", "dawid-skene"] as const;
/** Formats whose rows are chosen/rejected pairs. */
export const PAIR_EXPORT_FORMATS = ["trl", "hh", "openai-dpo"] as const;

const ZSplitName = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, "must be lower-case, up to 32 characters");

/**
 * What a researcher asks for. Defaults keep only real preferences from trusted annotators:
 * ties, both-bad, gold items, answers given too fast to have been read and judgments of
 * suspended or quarantined annotators are out
 * unless asked for; superseded judgments are always out.
 */
export const ZExportRequest = z
  .strictObject({
    format: ZExportFormat,
    aggregation: z.enum(EXPORT_AGGREGATIONS).default("per-judgment"),
    pairs: z.enum(["all", "adjacent", "best-vs-rest"]).default("all"),
    minJudgments: z.number().int().min(1).max(1000).optional(),
    minAgreement: z.number().min(0).max(1).optional(),
    minStrength: z.number().int().min(1).max(4).optional(),
    // Dawid–Skene only: items whose leading answer has a lower posterior probability are dropped.
    minConfidence: z.number().min(0).max(1).optional(),
    dropTies: z.boolean().default(true),
    dropBothBad: z.boolean().default(true),
    excludeGold: z.boolean().default(true),
    excludeQuarantined: z.boolean().default(true),
    // Answers quicker than the project's fastSeconds (quality rules) were not read.
    excludeTooFast: z.boolean().default(true),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    splits: z
      .record(z.string(), z.number().gt(0).max(1))
      // Checked here rather than as the record's key schema, whose message zod hides behind
      // "Invalid key in record".
      .superRefine((s, ctx) => {
        for (const name of Object.keys(s)) {
          const bad = ZSplitName.safeParse(name).error?.issues[0];
          if (bad) ctx.addIssue({ code: "custom", path: [name], message: bad.message });
        }
      })
      .default({ train: 1 })
      .refine((s) => Object.keys(s).length >= 1 && Object.keys(s).length <= 10, "give 1 to 10 splits")
      .refine(
        (s) => Math.abs(Object.values(s).reduce((a, b) => a + b, 0) - 1) < 1e-9,
        "fractions must add up to 1",
      ),
    seed: z.string().min(1).max(200).default("arbiter"),
    include: z
      .strictObject({
        margin: z.boolean().default(false),
        groupId: z.boolean().default(false),
        metadata: z.boolean().default(false),
        // Dawid–Skene only: the posterior probability of the row's preference or label.
        confidence: z.boolean().default(false),
        // Dawid–Skene and pair formats only: the posterior over chosen / rejected / tie / both-bad.
        softLabel: z.boolean().default(false),
      })
      .strict()
      .default({ margin: false, groupId: false, metadata: false, confidence: false, softLabel: false }),
    compress: z.boolean().default(true),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.from && r.to && Date.parse(r.from) > Date.parse(r.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    }
    if (r.format === "raw" && r.aggregation !== "per-judgment") {
      ctx.addIssue({ code: "custom", path: ["aggregation"], message: "raw has one line per judgment" });
    }
    const pairFormat = (PAIR_EXPORT_FORMATS as readonly string[]).includes(r.format);
    if (pairFormat && !r.dropTies) {
      ctx.addIssue({
        code: "custom",
        path: ["dropTies"],
        message: "a tie has no chosen and rejected; keep ties with format ranked or raw",
      });
    }
    if (r.format === "kto" && !r.dropTies) {
      ctx.addIssue({
        code: "custom",
        path: ["dropTies"],
        message: "a tie says nothing about whether either completion is desirable, so kto has no row for it",
      });
    }
    if (r.format === "kto" && r.include.margin) {
      ctx.addIssue({ code: "custom", path: ["include", "margin"], message: "kto rows have no margin" });
    }
    const modelOnly = "needs aggregation dawid-skene";
    if (r.aggregation !== "dawid-skene") {
      if (r.minConfidence !== undefined)
        ctx.addIssue({ code: "custom", path: ["minConfidence"], message: modelOnly });
      if (r.include.confidence)
        ctx.addIssue({ code: "custom", path: ["include", "confidence"], message: modelOnly });
      if (r.include.softLabel)
        ctx.addIssue({ code: "custom", path: ["include", "softLabel"], message: modelOnly });
    }
    if (r.include.softLabel && !pairFormat) {
      ctx.addIssue({
        code: "custom",
        path: ["include", "softLabel"],
        message: "soft labels describe a chosen/rejected pair: use format trl, hh or openai-dpo",
      });
    }
    if (pairFormat && !r.dropBothBad) {
      ctx.addIssue({
        code: "custom",
        path: ["dropBothBad"],
        message: "both-bad has no chosen and rejected; keep it with format ranked or raw",
      });
    }
  });
export type TExportRequest = z.infer<typeof ZExportRequest>;
export type TExportRequestInput = z.input<typeof ZExportRequest>;

export const ZExportFile = z.object({
  name: z.string(),
  split: z.string().nullable(),
  rows: z.number(),
  bytes: z.number(),
  sha256: z.string(),
});
export type TExportFile = z.infer<typeof ZExportFile>;

export const ZExportStatus = z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]);

export const ZExport = z.object({
  id: z.string(),
  projectId: z.string(),
  format: ZExportFormat,
  params: ZExportRequest,
  status: ZExportStatus,
  progress: z.number(),
  rowCount: z.number().nullable(),
  files: z.array(ZExportFile),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TExport = z.infer<typeof ZExport>;

export const ZExportResponse = z.object({ export: ZExport });
export type TExportResponse = z.infer<typeof ZExportResponse>;
export const ZExportListResponse = z.object({ exports: z.array(ZExport), nextCursor: z.string().nullable() });
export type TExportListResponse = z.infer<typeof ZExportListResponse>;
export const ZExportListQuery = ZCursorQuery;
/**
 * What an export would give, from the first items in export order: the first rows exactly
 * as the files would hold them, and counts. Row totals need the per-item rules on every
 * item, so they are given only when the preview could read the whole project.
 */
export const ZExportPreview = z.object({
  rows: z.array(z.object({ split: z.string(), line: z.string() })),
  source: z.object({
    items: z.number().int(),
    judgments: z.number().int(),
    /** Judgments passing the per-judgment filters (before minimum judgments, agreement, majority). */
    matchingJudgments: z.number().int(),
    /** Judgments undone or replaced by their annotator; never exported. */
    supersededJudgments: z.number().int(),
  }),
  scanned: z.object({ items: z.number().int(), complete: z.boolean() }),
  /** Present when the whole project was read: rows per split as the export would write them. */
  exact: z
    .object({
      rows: z.record(z.string(), z.number().int()),
      total: z.number().int(),
      usedJudgments: z.number().int(),
      /**
       * Judgments left out, by reason (the manifest's `source.excluded`): gold, annotator
       * (suspended or quarantined), tooFast, date, strength, minJudgments, minAgreement,
       * noMajority, lowConfidence, tie, bothBad.
       */
      excluded: z.record(z.string(), z.number().int()),
      /**
       * Items without a row for an item-wide reason: unjudged (no current judgment), gold,
       * minJudgments, minAgreement, noMajority, lowConfidence.
       */
      excludedItems: z.record(z.string(), z.number().int()),
    })
    .nullable(),
});
export type TExportPreview = z.infer<typeof ZExportPreview>;
export const ZExportPreviewResponse = z.object({ preview: ZExportPreview });
export type TExportPreviewResponse = z.infer<typeof ZExportPreviewResponse>;

export const ZExportFileParams = z.object({
  id: z.uuid(),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/, "is not a file name"),
});

// Rows of each format. Extras (margin, confidence, soft_label, group_id, metadata) are present
// only when asked for.

const ZRowMessage = z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string() }).strict();
const ZAssistantTurn = z
  .array(z.object({ role: z.literal("assistant"), content: z.string() }).strict())
  .length(1);

export const ZRowMetadata = z
  .object({
    item_id: z.string(),
    models: z.array(z.string()),
    agreement: z.number().min(0).max(1),
    judgments: z.number().int().min(1),
  })
  .strict();

const ZProbability = z.number().min(0).max(1);

/** The Dawid–Skene posterior of the item's answer, relative to the row's chosen and rejected. */
export const ZSoftLabel = z
  .object({ chosen: ZProbability, rejected: ZProbability, tie: ZProbability, both_bad: ZProbability })
  .strict();

const extras = {
  margin: ZProbability.optional(),
  confidence: ZProbability.optional(),
  soft_label: ZSoftLabel.optional(),
  group_id: z.string().optional(),
  metadata: ZRowMetadata.optional(),
};

export const ZTrlTextRow = z
  .object({ prompt: z.string(), chosen: z.string(), rejected: z.string(), ...extras })
  .strict();
export const ZTrlConversationalRow = z
  .object({
    prompt: z.array(ZRowMessage).min(1),
    chosen: ZAssistantTurn,
    rejected: ZAssistantTurn,
    ...extras,
  })
  .strict();

const ZHhTranscript = z
  .string()
  .startsWith("\n\nHuman: ")
  .refine((s) => s.includes("\n\nAssistant: "), "needs an Assistant turn");
export const ZHhRow = z.object({ chosen: ZHhTranscript, rejected: ZHhTranscript, ...extras }).strict();

export const ZOpenAiDpoRow = z
  .object({
    input: z.object({ messages: z.array(ZRowMessage).min(1) }).strict(),
    preferred_output: ZAssistantTurn,
    non_preferred_output: ZAssistantTurn,
    ...extras,
  })
  .strict();

/** TRL's unpaired preference rows (KTO): one completion and whether it is desirable. */
export const ZKtoTextRow = z
  .object({
    prompt: z.string(),
    completion: z.string(),
    label: z.boolean(),
    confidence: ZProbability.optional(),
    group_id: z.string().optional(),
    metadata: ZRowMetadata.optional(),
  })
  .strict();
export const ZKtoConversationalRow = z
  .object({
    prompt: z.array(ZRowMessage).min(1),
    completion: ZAssistantTurn,
    label: z.boolean(),
    confidence: ZProbability.optional(),
    group_id: z.string().optional(),
    metadata: ZRowMetadata.optional(),
  })
  .strict();

export const ZRankedRow = z
  .object({
    prompt: z.union([z.string(), z.array(ZRowMessage).min(1)]),
    completions: z.array(z.string()).min(2),
    // Indices into completions, best group first; a group holds tied completions.
    ranking: z.array(z.array(z.number().int().min(0)).min(1)).min(1),
    // Dawid–Skene: the weakest adjacent link of the ranking (P(a group is not below the next)).
    confidence: ZProbability.optional(),
    group_id: z.string().optional(),
    metadata: ZRowMetadata.optional(),
  })
  .strict();

export const ZRawRow = z
  .object({
    judgment_id: z.string(),
    item_id: z.string(),
    prompt: z.union([z.string(), z.array(ZRowMessage).min(1)]),
    options: z.array(
      z
        .object({
          position: z.number().int().min(0),
          text: z.string(),
          model: z.string(),
          generator: z.string().nullable(),
          params: z.unknown(),
          aspects: z.record(z.string(), z.number()).nullable(),
        })
        .strict(),
    ),
    // Canonical positions in the order they were shown (option A first).
    shown_order: z.array(z.number().int().min(0)),
    choice: z.enum(["A", "B", "tie", "both_bad"]).nullable(),
    strength: z.number().int().min(1).max(4).nullable(),
    ranking: z.array(z.array(z.number().int().min(0))).nullable(),
    rationale: z.string().nullable(),
    flags: z.array(z.string()),
    duration_ms: z.number().int().nullable(),
    annotator: z.string().regex(/^a_[0-9a-f]{16}$/),
    counted: z.boolean(),
    late: z.boolean(),
    gold_correct: z.boolean().nullable(),
    shown_at: z.string(),
    created_at: z.string(),
  })
  .strict();

export type TTrlTextRow = z.infer<typeof ZTrlTextRow>;
export type TTrlConversationalRow = z.infer<typeof ZTrlConversationalRow>;
export type THhRow = z.infer<typeof ZHhRow>;
export type TOpenAiDpoRow = z.infer<typeof ZOpenAiDpoRow>;
export type TKtoTextRow = z.infer<typeof ZKtoTextRow>;
export type TKtoConversationalRow = z.infer<typeof ZKtoConversationalRow>;
export type TRankedRow = z.infer<typeof ZRankedRow>;
export type TRawRow = z.infer<typeof ZRawRow>;
