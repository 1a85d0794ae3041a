import { z } from "zod";
import { ZTaskType } from "./projects";

/** A 95 % interval. */
export const ZInterval = z.object({ low: z.number(), high: z.number() });

const ZCountAt = z.object({ at: z.string(), count: z.number() });

/** A statistic and the number of items behind it; value is null when it is undefined. */
const ZMeasured = z.object({ value: z.number().nullable(), items: z.number() });

const ZShare = z.object({
  hits: z.number(),
  of: z.number(),
  share: z.number().nullable(),
  ci: ZInterval.nullable(),
});

export const ZLeaderboardRow = z.object({
  model: z.string(),
  games: z.number(),
  wins: z.number(),
  ties: z.number(),
  losses: z.number(),
  /** (wins + ties / 2) / games. */
  winRate: z.number(),
  winRateCi: ZInterval,
  /** Bradley-Terry strength on an Elo-like scale (mean 1000, +400 = 10:1 odds). */
  rating: z.number(),
  ratingCi: ZInterval.nullable(),
});
export type TLeaderboardRow = z.infer<typeof ZLeaderboardRow>;

export const ZProjectStats = z.object({
  generatedAt: z.string(),
  taskType: ZTaskType,
  /** Judgments behind agreement, leaderboard and biases: no gold items, no excluded annotators. */
  judgments: z.number(),
  excluded: z.object({
    /** Quarantined, rejected or suspended annotators whose answers are left out. */
    annotators: z.number(),
    judgments: z.number(),
    goldJudgments: z.number(),
  }),
  progress: z.object({
    items: z.object({
      total: z.number(),
      complete: z.number(),
      inProgress: z.number(),
      untouched: z.number(),
    }),
    remainingJudgments: z.number(),
    /** All answers (gold included) per hour over the last 48 hours and per day over the last 90 days, UTC. */
    perHour: z.array(ZCountAt),
    perDay: z.array(ZCountAt),
    /**
     * Counted answers per hour over the last day's active window: from the first counted
     * answer of the last 24 hours to now (at least 1 hour).
     */
    ratePerHour: z.number(),
    /** That window, in hours (1..24). */
    rateWindowHours: z.number(),
    activeAnnotators: z.object({ lastDay: z.number(), lastWeek: z.number() }),
    /** remainingJudgments / ratePerHour; null when nothing was answered in the last 24 hours. */
    projectedHoursToFinish: z.number().nullable(),
  }),
  agreement: z.object({
    /** Share of pairs of annotators on the same item who gave the same answer (the top pick for ranking). */
    rawPairwise: ZMeasured.extend({ pairs: z.number() }),
    alphaNominal: ZMeasured,
    /** Pairwise projects: the signed strength axis, first option strong (-4) .. second option strong (+4). */
    alphaOrdinal: ZMeasured.nullable(),
    /** Ranking projects: Kendall's W per item, averaged. */
    kendallW: ZMeasured.nullable(),
  }),
  leaderboard: z.object({
    items: z.number(),
    bootstrapRounds: z.number(),
    seed: z.number(),
    rows: z.array(ZLeaderboardRow),
    /** rates[i][j]: share of games models[i] won against models[j], ties half; null when they never met. */
    matrix: z.object({
      models: z.array(z.string()),
      rates: z.array(z.array(z.number().nullable())),
      games: z.array(z.array(z.number())),
    }),
  }),
  biases: z.object({
    /** Decisive answers won by the option shown first; expected share without bias: 1 / options. */
    position: ZShare.extend({ expected: z.number() }),
    /** Decisive games between completions of different length won by the longer one. */
    length: ZShare,
    /** Win rate (ties half) of completions by length in characters (UTF-8 bytes); max null = open-ended. */
    lengthBuckets: z.array(
      z.object({
        min: z.number(),
        max: z.number().nullable(),
        games: z.number(),
        winRate: z.number(),
        ci: ZInterval,
      }),
    ),
    aspects: z.array(z.object({ aspect: z.string(), model: z.string(), mean: z.number(), n: z.number() })),
  }),
});
export type TProjectStats = z.infer<typeof ZProjectStats>;
export const ZProjectStatsResponse = z.object({ stats: ZProjectStats });
export type TProjectStatsResponse = z.infer<typeof ZProjectStatsResponse>;
