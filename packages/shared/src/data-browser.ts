import { z } from "zod";
import { ZCursorQuery, ZId } from "./common";
import { ZItemStatus } from "./contents";
import { ZMessage } from "./prompts";
import { ZAnnotatorStatus } from "./quality";

// One item opened by a researcher: its prompt, completions, known answer and every judgment,
// with answers told in canonical terms (completion positions) rather than the shuffled keys
// the annotator saw. Annotators appear by pseudonym; admins also see the email.

export const ZItemParams = z.object({ id: ZId, itemId: ZId });

/**
 * An answer in canonical terms: `ranking` groups completion positions best first (a tie is
 * one group); both bad has no ranking.
 */
export const ZCanonicalAnswer = z.object({
  kind: z.enum(["preferred", "tie", "both_bad", "ranking"]),
  ranking: z.array(z.array(z.number())).nullable(),
});
export type TCanonicalAnswer = z.infer<typeof ZCanonicalAnswer>;

export const ZAnnotatorRef = z.object({
  /** The export pseudonym, the same as on the quality page and in exports. */
  pseudonym: z.string(),
  /** Only for admins, who run the pools. */
  email: z.string().nullable(),
  status: ZAnnotatorStatus,
});

export const ZItemJudgment = z.object({
  id: z.string(),
  annotator: ZAnnotatorRef,
  answer: ZCanonicalAnswer,
  /** Completion positions in the order the annotator saw them (option A first). */
  shownOrder: z.array(z.number()),
  strength: z.number().nullable(),
  /** Ratings per completion position: { position, ratings: { aspect: value } }. */
  aspects: z.array(z.object({ position: z.number(), ratings: z.record(z.string(), z.number()) })),
  rationale: z.string().nullable(),
  flags: z.array(z.string()),
  durationMs: z.number().nullable(),
  counted: z.boolean(),
  late: z.boolean(),
  superseded: z.boolean(),
  goldCorrect: z.boolean().nullable(),
  createdAt: z.string(),
});
export type TItemJudgment = z.infer<typeof ZItemJudgment>;

export const ZItemDetail = z.object({
  id: z.string(),
  status: ZItemStatus,
  isGold: z.boolean(),
  goldAnswer: ZCanonicalAnswer.extend({ strength: z.number().nullable() }).nullable(),
  judgmentsWanted: z.number(),
  judgmentsCount: z.number(),
  priority: z.number(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  taskType: z.enum(["pairwise", "ranking"]),
  prompt: z.object({
    id: z.string(),
    externalId: z.string().nullable(),
    text: z.string().nullable(),
    messages: z.array(ZMessage).nullable(),
  }),
  completions: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      model: z.string(),
      source: z.enum(["GENERATED", "IMPORTED"]),
      generatorName: z.string().nullable(),
      text: z.string(),
    }),
  ),
  judgments: z.array(ZItemJudgment),
  /** Whether the caller may change the item (gold, retire, reopen): not a viewer. */
  canEdit: z.boolean(),
});
export type TItemDetail = z.infer<typeof ZItemDetail>;
export const ZItemDetailResponse = z.object({ item: ZItemDetail });
export type TItemDetailResponse = z.infer<typeof ZItemDetailResponse>;

/** Reopening a complete item asks for this many more judgments (wanted never drops below counted). */
export const ZReopenItemBody = z
  .strictObject({ moreJudgments: z.number().int().min(1).max(100).default(1) })
  // A POST without a body asks for the default.
  .nullish()
  .transform((body) => body ?? { moreJudgments: 1 });
export type TReopenItemBody = z.input<typeof ZReopenItemBody>;

/** Judgments with something to read: a rationale or a flag, searchable. */
export const ZJudgmentSearchQuery = ZCursorQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  flag: z.string().trim().min(1).max(64).optional(),
  hasRationale: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
}).strict();
export type TJudgmentSearchQuery = z.input<typeof ZJudgmentSearchQuery>;

export const ZJudgmentSearchRow = z.object({
  id: z.string(),
  itemId: z.string(),
  promptPreview: z.string(),
  annotator: ZAnnotatorRef,
  answer: ZCanonicalAnswer,
  /** The models of the item's completions by position, to read `answer` against. */
  models: z.array(z.string()),
  rationale: z.string().nullable(),
  flags: z.array(z.string()),
  createdAt: z.string(),
});
export type TJudgmentSearchRow = z.infer<typeof ZJudgmentSearchRow>;
export const ZJudgmentSearchResponse = z.object({
  judgments: z.array(ZJudgmentSearchRow),
  nextCursor: z.string().nullable(),
});
export type TJudgmentSearchResponse = z.infer<typeof ZJudgmentSearchResponse>;
