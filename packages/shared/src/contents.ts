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

export const ZItemSummary = z.object({
  id: z.string(),
  status: z.enum(["OPEN", "COMPLETE", "DISABLED"]),
  isGold: z.boolean(),
  judgmentsWanted: z.number(),
  judgmentsCount: z.number(),
  createdAt: z.string(),
  prompt: z.object({ id: z.string(), externalId: z.string().nullable(), preview: z.string() }),
  completions: z.array(ZItemCompletionSummary),
});
export type TItemSummary = z.infer<typeof ZItemSummary>;

export const ZItemListQuery = ZCursorQuery.extend({
  status: z.enum(["OPEN", "COMPLETE", "DISABLED"]).optional(),
});
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
