import { z } from "zod";
import { ZCursorQuery } from "./common";

// Read-only views of a project's prompts, completions and items for researchers: what was
// imported or generated, and which models each item compares. Annotators never see these.

/** The first characters of a prompt (its last user turn for a conversation), for lists. */
export const ZPromptPreview = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  preview: z.string(),
  completions: z.number(),
  createdAt: z.string(),
});
export type TPromptPreview = z.infer<typeof ZPromptPreview>;

export const ZPromptListQuery = ZCursorQuery;
export const ZPromptListResponse = z.object({
  prompts: z.array(ZPromptPreview),
  nextCursor: z.string().nullable(),
});
export type TPromptListResponse = z.infer<typeof ZPromptListResponse>;

export const ZItemCompletionSummary = z.object({
  id: z.string(),
  position: z.number(),
  model: z.string(),
  source: z.enum(["GENERATED", "IMPORTED"]),
  generatorName: z.string().nullable(),
  sampleIndex: z.number(),
  preview: z.string(),
});

/** DISABLED is a retired item: out of assignment and exports, its judgments kept. */
export const ZItemStatus = z.enum(["OPEN", "COMPLETE", "DISABLED"]);
export type TItemStatus = z.infer<typeof ZItemStatus>;

export const ZItemSummary = z.object({
  id: z.string(),
  status: ZItemStatus,
  isGold: z.boolean(),
  judgmentsWanted: z.number(),
  judgmentsCount: z.number(),
  createdAt: z.string(),
  prompt: z.object({ id: z.string(), externalId: z.string().nullable(), preview: z.string() }),
  completions: z.array(ZItemCompletionSummary),
  /** Current (not superseded) judgments, counted or not. */
  judgments: z.number(),
  /**
   * The share of the item's current judgments that give its most common answer (the same
   * winner, the same best group, or both bad); null below two judgments.
   */
  agreement: z.number().nullable(),
  /** Current judgments with at least one flag, and with a rationale. */
  flagged: z.number(),
  rationales: z.number(),
});
export type TItemSummary = z.infer<typeof ZItemSummary>;

const zYesNo = z.enum(["true", "false"]).transform((v) => v === "true");
const zShare = z.coerce.number().min(0).max(1);

/**
 * Filters of the items list; every one narrows. Agreement filters only match items with at
 * least two judgments (agreement is undefined below that). `q` searches the rationales and
 * flags of the item's current judgments (case-insensitive substring).
 */
export const ZItemListQuery = ZCursorQuery.extend({
  status: ZItemStatus.optional(),
  gold: zYesNo.optional(),
  model: z.string().trim().min(1).max(200).optional(),
  agreementBelow: zShare.optional(),
  agreementAtLeast: zShare.optional(),
  flagged: zYesNo.optional(),
  flag: z.string().trim().min(1).max(64).optional(),
  hasRationale: zYesNo.optional(),
  q: z.string().trim().min(1).max(200).optional(),
}).strict();
export type TItemListQuery = z.input<typeof ZItemListQuery>;
export const ZItemListResponse = z.object({
  items: z.array(ZItemSummary),
  nextCursor: z.string().nullable(),
});
export type TItemListResponse = z.infer<typeof ZItemListResponse>;

/** Completions per model and where they came from, with the item counts beside them. */
export const ZContentSummary = z.object({
  prompts: z.number(),
  promptsWithCompletions: z.number(),
  completions: z.number(),
  models: z.array(
    z.object({
      model: z.string(),
      source: z.enum(["GENERATED", "IMPORTED"]),
      generatorId: z.string().nullable(),
      generatorName: z.string().nullable(),
      completions: z.number(),
    }),
  ),
  items: z.object({ total: z.number(), open: z.number(), complete: z.number(), gold: z.number() }),
});
export type TContentSummary = z.infer<typeof ZContentSummary>;
export const ZContentSummaryResponse = z.object({ summary: ZContentSummary });
export type TContentSummaryResponse = z.infer<typeof ZContentSummaryResponse>;
