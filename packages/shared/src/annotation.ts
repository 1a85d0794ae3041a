import { z } from "zod";
import { ZProjectMode } from "./arena-settings";
import { ZCrowdStatus, ZQuestions, ZTaskType } from "./projects";
import { ZMessage } from "./prompts";
import { ZAnnotatorStatus } from "./quality";

export const OPTION_KEYS = ["A", "B", "C", "D", "E", "F", "G", "H", "I"] as const;
export const ZOptionKey = z.enum(OPTION_KEYS);
export type TOptionKey = z.infer<typeof ZOptionKey>;

// How long after answering an annotator may take the answer back. The judgments update
// trigger (prisma/migrations/20261129232000_stats_epoch_undo) repeats it as
// interval '60 seconds' to tell an undo from other edits: change both together.
export const UNDO_WINDOW_SECONDS = 60;

export const ZAssignment = z.object({
  id: z.string(),
  expiresAt: z.string(),
  project: z.object({ guidelines: z.string(), taskType: ZTaskType, questions: ZQuestions }),
  prompt: z.object({ messages: z.array(ZMessage).optional(), text: z.string().optional() }),
  // No model names and no completion ids: annotators judge blind.
  options: z.array(z.object({ key: ZOptionKey, text: z.string() })),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZAssignmentResponse = z.object({ assignment: ZAssignment });
export type TAssignmentResponse = z.infer<typeof ZAssignmentResponse>;

const ZRatings = z.partialRecord(ZOptionKey, z.record(z.string().max(32), z.number().int().min(1).max(10)));

const common = {
  strength: z.number().int().min(1).max(4).optional(),
  aspects: ZRatings.optional(),
  rationale: z.string().trim().max(10_000).optional(),
  flags: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  durationMs: z.number().int().min(0).max(86_400_000).optional(),
};

/** Pairwise answers carry `choice`, ranking answers `ranking`; which one is allowed depends on the project. */
export const ZJudgmentBody = z.strictObject({
  choice: z.enum(["A", "B", "tie", "both_bad"]).optional(),
  ranking: z.array(z.array(ZOptionKey).min(1).max(9)).min(1).max(9).optional(),
  ...common,
});
export type TJudgmentBody = z.infer<typeof ZJudgmentBody>;

export const ZJudgment = z.object({
  id: z.string(),
  assignmentId: z.string(),
  createdAt: z.string(),
  undoableUntil: z.string(),
  counted: z.boolean(),
});
export type TJudgment = z.infer<typeof ZJudgment>;

export const ZJudgmentResponse = z.object({ judgment: ZJudgment, next: ZAssignment.nullable() });
export type TJudgmentResponse = z.infer<typeof ZJudgmentResponse>;
export const ZSkipBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).default({});
export const ZNextResponse = z.object({ next: ZAssignment.nullable() });
export type TNextResponse = z.infer<typeof ZNextResponse>;

export const ZIdempotencyHeaders = z.object({
  "idempotency-key": z.string().trim().min(1).max(200),
});

// Where the annotator stands with the project's quality control; null before their first answer.
// QUALIFYING: answering qualification items; REJECTED / QUARANTINED: no more items for them. The
// reason stays with staff: telling annotators what was measured would teach gaming it.
export const ZStanding = ZAnnotatorStatus.nullable();
export type TStanding = z.infer<typeof ZStanding>;

export const ZProgressQuery = z.object({ projectId: z.uuid() });
export const ZProgressResponse = z.object({
  progress: z.object({
    judgedToday: z.number(),
    total: z.number(),
    medianSeconds: z.number().nullable(),
    available: z.number(),
    standing: ZStanding,
    // For participants who came from a crowd platform: their quota and, once met, the code.
    crowd: ZCrowdStatus.nullable(),
  }),
});
export type TProgressResponse = z.infer<typeof ZProgressResponse>;
export type TProgress = TProgressResponse["progress"];

export const ZMyProject = z.object({
  id: z.string(),
  name: z.string(),
  taskType: ZTaskType,
  optionsPerItem: z.number(),
  guidelines: z.string(),
  available: z.number(),
  judgedByMe: z.number(),
  standing: ZStanding,
  /** "arena" projects open the arena page: the annotator starts battles rather than leasing items. */
  mode: ZProjectMode,
  /** What the arena page needs of an arena project's settings; null for standard projects. */
  arena: z
    .object({
      promptSource: z.enum(["annotator", "prompt-set"]),
      promptChars: z.number(),
      maxTurns: z.number(),
      revealModels: z.boolean(),
      allowTie: z.boolean(),
      allowBothBad: z.boolean(),
      /** The project's questions asked with each vote: strength after A or B, and a rationale. */
      strength: z.boolean(),
      rationale: z.enum(["off", "optional", "required"]),
    })
    .nullable(),
});
export type TMyProject = z.infer<typeof ZMyProject>;
export const ZMyProjectsResponse = z.object({ projects: z.array(ZMyProject) });
export type TMyProjectsResponse = z.infer<typeof ZMyProjectsResponse>;
