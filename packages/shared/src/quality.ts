import { z } from "zod";

/** Quality-control rules of a project (stored in projects.qualification). */
export const ZQualityRules = z.strictObject({
  // The first N assignments of a new annotator are gold; below the accuracy they are not admitted.
  qualificationItems: z.number().int().min(0).max(100).default(0),
  qualificationMinAccuracy: z.number().min(0).max(1).default(0.6),
  // Gold answers are weighed by a sequential probability ratio test: chance-level
  // answering against this accuracy of an honest annotator; quarantine when the odds
  // for "chance" reach quarantineOdds to 1, after at least minGoldAnswers.
  goldHonestAccuracy: z.number().min(0.5).max(0.99).default(0.85),
  quarantineOdds: z.number().min(2).max(1e9).default(1000),
  minGoldAnswers: z.number().int().min(1).max(1000).default(5),
  // Quarantine for choosing the first-shown option: binomial test against 1/2. The test is
  // repeated after every answer, so its level is strict to keep honest annotators safe.
  positionBiasMinJudgments: z.number().int().min(10).max(10_000).default(30),
  positionBiasP: z.number().min(1e-12).max(0.5).default(1e-4),
  // Answers faster than this are flagged as too fast.
  fastSeconds: z.number().min(0).max(600).default(3),
});
export type TQualityRules = z.infer<typeof ZQualityRules>;

/** A gold item's known answer, by completion position (0 = first completion uploaded). */
export const ZGoldInput = z.union([
  z.strictObject({
    preferred: z.union([z.number().int().min(0).max(1), z.enum(["tie", "both_bad"])]),
    strength: z.number().int().min(1).max(4).optional(),
    strengthTolerance: z.number().int().min(0).max(3).optional(),
  }),
  z.strictObject({
    ranking: z
      .array(z.array(z.number().int().min(0).max(8)).min(1))
      .min(1)
      .max(9),
  }),
]);
export type TGoldInput = z.infer<typeof ZGoldInput>;

export const ZAnnotatorStatus = z.enum(["QUALIFYING", "ADMITTED", "REJECTED", "QUARANTINED"]);

export const ZQualityFlag = z.object({
  kind: z.enum(["low_gold_accuracy", "position_bias", "too_fast", "low_agreement"]),
  detail: z.string(),
});

export const ZAnnotatorQuality = z.object({
  // The export pseudonym (the same as in the project's exports); the email only for admins.
  user: z.object({ id: z.string(), name: z.string(), pseudonym: z.string(), email: z.string().nullable() }),
  status: ZAnnotatorStatus,
  reason: z.string().nullable(),
  judgments: z.number(),
  perDay: z.number(),
  goldAnswered: z.number(),
  goldAccuracy: z.number().nullable(),
  agreement: z.number().nullable(),
  agreementItems: z.number(),
  firstShownShare: z.number().nullable(),
  positionP: z.number().nullable(),
  tieRate: z.number().nullable(),
  bothBadRate: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  fastShare: z.number().nullable(),
  // Consistency repeats answered, and the share answered as the first time (null: none yet).
  repeats: z.number(),
  selfConsistency: z.number().nullable(),
  flags: z.array(ZQualityFlag),
});
export type TAnnotatorQuality = z.infer<typeof ZAnnotatorQuality>;

/** The worker's annotator-aware fit of one annotator (see docs/methods.md). */
export const ZAnnotatorEstimate = z.object({
  userId: z.string(),
  answers: z.number(),
  // Probability of giving the true answer, with its 95 % interval.
  accuracy: z.number(),
  accuracyInterval: z.object({ low: z.number(), high: z.number() }),
  // -1 … 1: 0 none, 1 always the option shown first.
  positionBias: z.number(),
});
export type TAnnotatorEstimate = z.infer<typeof ZAnnotatorEstimate>;

/** What adaptive collection spent and saved in a project (see docs/analytics.md). */
export const ZAdaptiveSummary = z.object({
  selection: z.enum(["uniform", "label-confidence", "leaderboard"]),
  // null: every item gets the fixed number of answers.
  overlap: z.object({ min: z.number(), max: z.number(), target: z.number() }).nullable(),
  fittedAt: z.string().nullable(),
  items: z.number(),
  // Counted answers on items (gold aside).
  spent: z.number(),
  // On completed items: their maximum answers (the fixed overlap giving the same ceiling)
  // minus the answers they took.
  saved: z.number(),
  // Items whose leading answer's confidence reached the target.
  atTarget: z.number(),
  // Open items with their wanted answers, waiting for the worker's decision.
  awaitingDecision: z.number(),
});
export type TAdaptiveSummary = z.infer<typeof ZAdaptiveSummary>;

export const ZQualityResponse = z.object({
  annotators: z.array(ZAnnotatorQuality),
  // Empty until the worker fitted the project (only adaptive projects are fitted).
  estimates: z.array(ZAnnotatorEstimate),
  // null for a project with a fixed overlap and uniform selection.
  adaptive: ZAdaptiveSummary.nullable(),
});
export type TQualityResponse = z.infer<typeof ZQualityResponse>;

export const ZSetAnnotatorStatusBody = z.strictObject({
  status: z.enum(["ADMITTED", "QUARANTINED"]),
  reason: z.string().trim().max(500).optional(),
});
