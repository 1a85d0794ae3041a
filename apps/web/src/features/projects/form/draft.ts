import {
  DEFAULT_ARENA_SETTINGS,
  type TArenaSettings,
  type TCreateProjectBody,
  type TProject,
  type TProjectMode,
  type TQuestions,
  type TSelection,
} from "@arbiter/shared";
import { readQualityRules } from "@/features/quality/components/quality-rule-fields";
import { ApiError } from "@/lib/api-error";

/**
 * What the wizard and the settings page hold in state. Numbers typed by hand stay text until
 * submission so a half-typed value is not coerced; the quality rules stay in their
 * (uncontrolled) inputs and are read from the form.
 */
export type ProjectDraft = {
  name: string;
  taskType: TProject["taskType"];
  optionsPerItem: number;
  questions: Omit<TQuestions, "flags">;
  flags: string;
  // With a dynamic overlap, judgmentsPerItem is its max.
  judgmentsPerItem: string;
  dynamicOverlap: boolean;
  overlapMin: string;
  overlapTarget: string;
  selection: TSelection;
  repeatShare: string;
  leaseMinutes: string;
  guidelines: string;
  poolIds: string[];
  mode: TProjectMode;
  arena: ArenaDraft;
};

type ArenaLimit = Exclude<keyof TArenaSettings["limits"], "tokenBudget">;

/** The arena settings as the form holds them: limits as typed text, "no budget" as its own switch. */
export type ArenaDraft = {
  promptSource: TArenaSettings["promptSource"];
  revealModels: boolean;
  limits: Record<ArenaLimit, string>;
  unlimitedBudget: boolean;
  tokenBudget: string;
  screeningPatterns: string[];
  screeningAction: TArenaSettings["screening"]["action"];
  moderationPatterns: string[];
  endpointUrl: string;
};

export function arenaDraftOf(a: TArenaSettings): ArenaDraft {
  const { tokenBudget, ...limits } = a.limits;
  return {
    promptSource: a.promptSource,
    revealModels: a.revealModels,
    limits: Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, String(v)])) as Record<
      ArenaLimit,
      string
    >,
    unlimitedBudget: tokenBudget === null,
    tokenBudget: tokenBudget === null ? "" : String(tokenBudget),
    screeningPatterns: [...a.screening.patterns],
    screeningAction: a.screening.action,
    moderationPatterns: [...a.moderation.patterns],
    endpointUrl: a.moderation.endpointUrl ?? "",
  };
}

/** The arena draft in the API's shape; an empty text stays empty so the schema names the field. */
export function arenaBodyOf(d: ArenaDraft) {
  const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
  return {
    promptSource: d.promptSource,
    revealModels: d.revealModels,
    limits: {
      promptChars: num(d.limits.promptChars),
      maxTokensPerTurn: num(d.limits.maxTokensPerTurn),
      maxTurns: num(d.limits.maxTurns),
      battlesPerHour: num(d.limits.battlesPerHour),
      battlesPerDay: num(d.limits.battlesPerDay),
      tokenBudget: d.unlimitedBudget ? null : num(d.tokenBudget),
    },
    screening: { patterns: d.screeningPatterns, action: d.screeningAction },
    moderation: {
      patterns: d.moderationPatterns,
      endpointUrl: d.endpointUrl.trim() === "" ? null : d.endpointUrl.trim(),
    },
  } satisfies TArenaSettings;
}

export const NEW_PROJECT: ProjectDraft = {
  name: "",
  taskType: "pairwise",
  optionsPerItem: 2,
  questions: { strength: true, allowTie: true, allowBothBad: true, rationale: "optional", aspects: [] },
  flags: "",
  judgmentsPerItem: "3",
  dynamicOverlap: false,
  overlapMin: "2",
  overlapTarget: "0.9",
  selection: "uniform",
  repeatShare: "0",
  leaseMinutes: "10",
  guidelines: "",
  poolIds: [],
  mode: "standard",
  arena: arenaDraftOf(DEFAULT_ARENA_SETTINGS),
};

export function draftOf(p: TProject): ProjectDraft {
  const { flags, ...questions } = p.questions;
  return {
    name: p.name,
    taskType: p.taskType,
    optionsPerItem: p.optionsPerItem,
    questions,
    flags: flags.join(", "),
    judgmentsPerItem: String(p.judgmentsPerItem),
    dynamicOverlap: p.overlap !== null,
    overlapMin: String(p.overlap?.min ?? Math.min(2, p.judgmentsPerItem)),
    overlapTarget: String(p.overlap?.target ?? 0.9),
    selection: p.selection,
    repeatShare: String(p.repeats.share),
    leaseMinutes: String(p.leaseSeconds / 60),
    guidelines: p.guidelines,
    poolIds: p.poolIds,
    mode: p.mode,
    arena: arenaDraftOf(p.arena),
  };
}

/** The draft and the form's quality inputs in the API's shape (before validation). */
export function bodyOf(draft: ProjectDraft, form: HTMLFormElement | null) {
  const quality = form ? readQualityRules(new FormData(form)) : {};
  return {
    name: draft.name,
    taskType: draft.taskType,
    optionsPerItem: draft.optionsPerItem,
    questions: {
      ...draft.questions,
      flags: draft.flags
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean),
    },
    judgmentsPerItem: Number(draft.judgmentsPerItem),
    overlap: draft.dynamicOverlap
      ? {
          min: Number(draft.overlapMin),
          max: Number(draft.judgmentsPerItem),
          target: Number(draft.overlapTarget),
        }
      : null,
    selection: draft.selection,
    repeats: { share: Number(draft.repeatShare) },
    leaseSeconds: Math.round(Number(draft.leaseMinutes) * 60),
    guidelines: draft.guidelines,
    poolIds: draft.poolIds,
    mode: draft.mode,
    // A standard project keeps whatever arena settings it has; only an arena's form sends them.
    ...(draft.mode === "arena" ? { arena: arenaBodyOf(draft.arena) } : {}),
    ...quality,
  } satisfies Partial<Record<keyof TCreateProjectBody, unknown>>;
}

/** Field errors keyed by path ("questions.aspects.1.key"), from zod issues or the API's 400 details. */
export type FieldErrors = Record<string, string>;

export function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    out[key] ??= issue.message;
  }
  return out;
}

/** The API names fields `body.<path>`; a 400 or a 409 with details lands on those fields. */
export function apiErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  return issuesToErrors(
    (err.details as { path?: string; message?: string }[])
      .filter((d) => d.path?.startsWith("body."))
      .map((d) => ({ path: d.path!.slice(5).split("."), message: d.message ?? "is not valid" })),
  );
}

/** The error of an input named `name` among the quality rules (goldRate sits at the top level). */
export const qualityErrorOf = (errors: FieldErrors) => (name: string) =>
  errors[name === "goldRate" ? name : `quality.${name}`];

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
