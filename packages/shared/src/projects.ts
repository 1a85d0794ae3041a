import { z } from "zod";
import { ZArenaSettings, ZProjectMode } from "./arena-settings";
import { ZCursorQuery, ZId, zName } from "./common";
import { ZProjectRole } from "./project-members";
import { ZQualityRules } from "./quality";

export const ZTaskType = z.enum(["pairwise", "ranking"]);
export type TTaskType = z.infer<typeof ZTaskType>;

export const ZAspect = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "must be lower_snake_case, up to 32 characters"),
  label: zName,
  scale: z.number().int().min(2).max(10),
});

export const ZQuestions = z
  .strictObject({
    strength: z.boolean().default(true),
    allowTie: z.boolean().default(true),
    allowBothBad: z.boolean().default(true),
    rationale: z.enum(["off", "optional", "required"]).default("optional"),
    aspects: z.array(ZAspect).max(10).default([]),
    flags: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  })
  .superRefine((q, ctx) => {
    const keys = q.aspects.map((a) => a.key);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i)
        ctx.addIssue({ code: "custom", path: ["aspects", i, "key"], message: "is repeated" });
    });
  });
export type TQuestions = z.infer<typeof ZQuestions>;

/**
 * Entry from a crowd platform (Prolific, MTurk): participants arrive on /join/<slug> with
 * their platform id, get a pseudonymous account, and after `quota` judgments see the
 * study's completion code (and are sent to redirectUrl when one is set).
 */
export const ZCrowdConfig = z.strictObject({
  enabled: z.boolean().default(false),
  quota: z.number().int().min(1).max(10_000).default(20),
  completionCode: z.string().trim().max(100).default(""),
  redirectUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type TCrowdConfig = z.infer<typeof ZCrowdConfig>;

/**
 * Dynamic overlap: every item gets `min` judgments, then more one at a time until the
 * posterior of its leading answer reaches `target` or it has `max`. A project with overlap
 * null has the fixed count `judgmentsPerItem`; with a dynamic overlap, `judgmentsPerItem`
 * is `max` (in both modes it is the most judgments an item gets).
 */
export const ZOverlap = z
  .strictObject({
    min: z.number().int().min(1).max(50),
    max: z.number().int().min(1).max(50),
    target: z.number().gt(0.5).max(0.999),
  })
  .refine((o) => o.min <= o.max, { path: ["max"], message: "must be at least min" });
export type TOverlap = z.infer<typeof ZOverlap>;

/** Which priority the worker gives items: none, the label's expected gain, or the leaderboard's. */
export const ZSelection = z.enum(["uniform", "label-confidence", "leaderboard"]);
export type TSelection = z.infer<typeof ZSelection>;

/** A share of an annotator's leases comes back as a repeat of an item they answered, in swapped order. */
export const ZRepeats = z.strictObject({ share: z.number().min(0).max(0.5) });
export type TRepeats = z.infer<typeof ZRepeats>;

const projectFields = {
  name: zName,
  guidelines: z.string().max(100_000).default(""),
  taskType: ZTaskType.default("pairwise"),
  optionsPerItem: z.number().int().min(2).max(9).optional(),
  judgmentsPerItem: z.number().int().min(1).max(50).optional(),
  overlap: ZOverlap.nullable().default(null),
  selection: ZSelection.default("uniform"),
  repeats: ZRepeats.default({ share: 0 }),
  leaseSeconds: z.number().int().min(30).max(86_400).default(600),
  questions: ZQuestions.default(ZQuestions.parse({})),
  poolIds: z.array(ZId).max(100).default([]),
  goldRate: z.number().min(0).max(1).default(0),
  quality: ZQualityRules.default(ZQualityRules.parse({})),
  crowd: ZCrowdConfig.default(ZCrowdConfig.parse({})),
  mode: ZProjectMode.default("standard"),
  arena: ZArenaSettings.default(ZArenaSettings.parse({})),
};

function checkOptions(
  p: { taskType?: TTaskType; optionsPerItem?: number | undefined; mode?: "standard" | "arena" },
  ctx: z.RefinementCtx,
) {
  if (p.mode === "arena" && p.taskType === "ranking") {
    ctx.addIssue({ code: "custom", path: ["taskType"], message: "arena projects are pairwise" });
  }
  if (p.taskType === "pairwise" && p.optionsPerItem !== undefined && p.optionsPerItem !== 2) {
    ctx.addIssue({ code: "custom", path: ["optionsPerItem"], message: "must be 2 for pairwise projects" });
  }
  if (p.taskType === "ranking" && p.optionsPerItem !== undefined && p.optionsPerItem < 3) {
    ctx.addIssue({ code: "custom", path: ["optionsPerItem"], message: "must be 3..9 for ranking projects" });
  }
}

/** A body may carry both forms only when they agree: judgmentsPerItem is the dynamic max. */
function checkOverlap(
  p: { judgmentsPerItem?: number | undefined; overlap?: TOverlap | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (p.overlap && p.judgmentsPerItem !== undefined && p.judgmentsPerItem !== p.overlap.max) {
    ctx.addIssue({
      code: "custom",
      path: ["judgmentsPerItem"],
      message: "must equal overlap.max when overlap is dynamic (or leave it out)",
    });
  }
}

export const ZCreateProjectBody = z
  .strictObject(projectFields)
  .superRefine(checkOptions)
  .superRefine(checkOverlap)
  .transform((p) => ({
    ...p,
    optionsPerItem: p.optionsPerItem ?? (p.taskType === "pairwise" ? 2 : 4),
    judgmentsPerItem: p.overlap?.max ?? p.judgmentsPerItem ?? 3,
  }));
export type TCreateProjectBody = z.infer<typeof ZCreateProjectBody>;

export const ZUpdateProjectBody = z
  .strictObject({
    name: projectFields.name,
    guidelines: z.string().max(100_000),
    taskType: ZTaskType,
    optionsPerItem: z.number().int().min(2).max(9),
    judgmentsPerItem: z.number().int().min(1).max(50),
    overlap: ZOverlap.nullable(),
    selection: ZSelection,
    repeats: ZRepeats,
    leaseSeconds: z.number().int().min(30).max(86_400),
    questions: ZQuestions,
    poolIds: z.array(ZId).max(100),
    status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"]),
    goldRate: z.number().min(0).max(1),
    quality: ZQualityRules,
    crowd: ZCrowdConfig,
    mode: ZProjectMode,
    arena: ZArenaSettings,
  })
  .partial()
  .superRefine(checkOptions)
  .superRefine(checkOverlap)
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to change" });
export type TUpdateProjectBody = z.infer<typeof ZUpdateProjectBody>;

/**
 * Settings that shape answers already given: the task and K are fixed once items exist
 * (items are built with K options), the questions once judgments exist. The API refuses such
 * a change with 409 and the web app shows the field disabled with the same reason.
 */
export const FIXED_SETTINGS = {
  taskType: "items",
  optionsPerItem: "items",
  questions: "judgments",
  mode: "items",
} as const satisfies Record<string, "items" | "judgments">;
export type TFixedSetting = keyof typeof FIXED_SETTINGS;

/** Why `field` can no longer change in a project with these counts, or null while it can. */
export function fixedReason(
  field: TFixedSetting,
  counts: Pick<TProject["counts"], "items" | "judgments">,
): string | null {
  const after = FIXED_SETTINGS[field];
  if (counts[after] === 0) return null;
  return `${field} is fixed once ${after === "items" ? "items" : "answers"} exist; duplicate the project to change it`;
}

export const ZProject = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  guidelines: z.string(),
  taskType: ZTaskType,
  optionsPerItem: z.number(),
  // The fixed count, or with a dynamic overlap its max.
  judgmentsPerItem: z.number(),
  overlap: z.object({ min: z.number(), max: z.number(), target: z.number() }).nullable(),
  selection: ZSelection,
  repeats: z.object({ share: z.number() }),
  leaseSeconds: z.number(),
  questions: ZQuestions,
  poolIds: z.array(z.string()),
  // The attached pools by name: researchers may see pools an admin attached but not list them.
  pools: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"]),
  // The caller's standing. Admins reach every project as its owners do, so they get "OWNER";
  // the web app hides write controls from "VIEWER".
  myRole: ZProjectRole,
  goldRate: z.number(),
  quality: ZQualityRules,
  crowd: ZCrowdConfig,
  mode: ZProjectMode,
  arena: ZArenaSettings,
  counts: z.object({
    prompts: z.number(),
    items: z.number(),
    completeItems: z.number(),
    judgments: z.number(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectResponse = z.object({ project: ZProject });
export type TProjectResponse = z.infer<typeof ZProjectResponse>;
export const ZDuplicateProjectBody = z.strictObject({ name: zName.optional() });
export type TDuplicateProjectBody = z.infer<typeof ZDuplicateProjectBody>;

export const ZProjectListQuery = ZCursorQuery.extend({
  status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"]).optional(),
});
export const ZProjectListResponse = z.object({
  projects: z.array(ZProject),
  nextCursor: z.string().nullable(),
});
export type TProjectListResponse = z.infer<typeof ZProjectListResponse>;

export const ZJoinParams = z.object({ slug: z.string().min(1).max(200) });
/** The crowd platforms participants join from; their ids mark an account as a participant's. */
export const CROWD_PLATFORMS = ["prolific", "mturk"] as const;
// Prolific sends PROLIFIC_PID / STUDY_ID / SESSION_ID, MTurk workerId / assignmentId / hitId;
// the join page maps them onto this body.
export const ZJoinBody = z.strictObject({
  platform: z.enum(CROWD_PLATFORMS),
  participantId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _"),
  studyId: z.string().trim().max(100).optional(),
  sessionId: z.string().trim().max(100).optional(),
});
export type TJoinBody = z.infer<typeof ZJoinBody>;
export const ZCrowdStatus = z.object({
  quota: z.number(),
  judged: z.number(),
  // Shown only once the quota is reached.
  completionCode: z.string().nullable(),
  redirectUrl: z.string().nullable(),
});
export type TCrowdStatus = z.infer<typeof ZCrowdStatus>;
export const ZJoinResponse = z.object({
  project: z.object({ id: z.string(), name: z.string() }),
  crowd: ZCrowdStatus,
});
export type TJoinResponse = z.infer<typeof ZJoinResponse>;
