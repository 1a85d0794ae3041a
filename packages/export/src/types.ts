import type { TMessage } from "@arbiter/shared";

/** A prompt as stored: plain text or a conversation. */
export type ExportPrompt =
  | { text: string; messages?: undefined }
  | { text?: undefined; messages: TMessage[] };

export type ExportCompletion = {
  id: string;
  text: string;
  model: string;
  generator: string | null;
  params: unknown;
  /**
   * An arena turn's messages between the shared prompt and this answer: the model's own
   * earlier answers and the later user turns. Absent for single-turn completions.
   */
  context?: TMessage[];
  /** Arena screening: the answer named a model or vendor (matches), and what the project does about it. */
  screening?: { flagged: boolean; matches: string[]; action: string };
};

export type ExportJudgment = {
  id: string;
  annotatorId: string;
  /** The annotator was suspended, or quarantined or rejected in the project. */
  untrusted: boolean;
  /** Answered faster than the project's quality rules allow for reading. */
  tooFast: boolean;
  choice: "A" | "B" | "tie" | "both_bad" | null;
  strength: number | null;
  /** Completion ids grouped best-first; null for "both bad". */
  ranking: string[][] | null;
  /** Completion ids in the order they were shown (option A first). */
  shownOrder: string[];
  /** Ratings keyed by the shown option key (A, B, ...). */
  aspects: Record<string, Record<string, number>> | null;
  rationale: string | null;
  flags: string[];
  durationMs: number | null;
  counted: boolean;
  late: boolean;
  goldCorrect: boolean | null;
  shownAt: string;
  createdAt: string;
};

/** One item with everything an export needs, as read from the database. */
export type ExportItem = {
  id: string;
  isGold: boolean;
  /** Retired by a researcher (status DISABLED): never exported, its judgments counted as excluded. */
  retired: boolean;
  /** sha256 of the canonical prompt content: the key of the split assignment and group_id. */
  promptHash: string;
  prompt: ExportPrompt;
  /** In canonical position order. */
  completions: ExportCompletion[];
  /** Not superseded, oldest first. */
  judgments: ExportJudgment[];
};

/** Why a judgment did not become (part of) a row; every judgment read lands in exactly one bucket. */
export const EXCLUSION_REASONS = [
  "retired",
  "gold",
  "annotator",
  "tooFast",
  "date",
  "strength",
  "minJudgments",
  "minAgreement",
  "noMajority",
  "lowConfidence",
  "tie",
  "bothBad",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Reasons that drop a whole item, and "unjudged": items without a current judgment. */
export const ITEM_EXCLUSION_REASONS = [
  "retired",
  "unjudged",
  "gold",
  "minJudgments",
  "minAgreement",
  "noMajority",
  "lowConfidence",
] as const;
export type ItemExclusionReason = (typeof ITEM_EXCLUSION_REASONS)[number];

export type ExportCounts = {
  items: number;
  judgments: number;
  used: number;
  excluded: Record<ExclusionReason, number>;
  /** Items left without a row for an item-wide reason (the judgments are in `excluded`). */
  excludedItems: Record<ItemExclusionReason, number>;
};

export function emptyCounts(): ExportCounts {
  return {
    items: 0,
    judgments: 0,
    used: 0,
    excluded: Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>,
    excludedItems: Object.fromEntries(ITEM_EXCLUSION_REASONS.map((r) => [r, 0])) as Record<
      ItemExclusionReason,
      number
    >,
  };
}
