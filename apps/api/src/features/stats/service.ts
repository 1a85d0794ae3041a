import type { Db } from "@arbiter/db";
import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { notFound } from "../../lib/http-error";
import { questionsOf } from "../projects/serialize";
import { loadRankingAgreement } from "./agreement";
import { loadRankingGames } from "./games";
import { loadPairwiseDigest } from "./pairwise-digest";
import { loadAspects, loadExclusions, loadRankingPosition } from "./position-aspects";
import { loadProgress } from "./progress";

type Measures = Pick<TProjectStats, "judgments" | "agreement" | "leaderboard" | "biases">;

async function pairwiseMeasures(pool: pg.Pool, projectId: string, aspects: string[]): Promise<Measures> {
  const d = await loadPairwiseDigest(pool, projectId, aspects);
  return {
    judgments: d.judgments,
    agreement: d.agreement,
    leaderboard: d.leaderboard,
    biases: { position: d.position, length: d.length, lengthBuckets: d.lengthBuckets, aspects: d.aspects },
  };
}

async function rankingMeasures(
  pool: pg.Pool,
  projectId: string,
  options: number,
  hasAspects: boolean,
): Promise<Measures> {
  const [agreement, games, position, aspects] = await Promise.all([
    loadRankingAgreement(pool, projectId),
    loadRankingGames(pool, projectId),
    loadRankingPosition(pool, projectId, options),
    hasAspects ? loadAspects(pool, projectId) : [],
  ]);
  return {
    judgments: position.judgments,
    agreement,
    leaderboard: games.leaderboard,
    biases: {
      position: position.position,
      length: games.length,
      lengthBuckets: games.lengthBuckets,
      aspects,
    },
  };
}

/**
 * Everything the analytics page shows, computed on request from the current answers.
 * Pairwise projects (the common, large case) read their judgments once, aggregated per
 * item in SQL; items with the same answers are grouped here, and the Bradley-Terry fits,
 * the bootstrap and the alpha sums run once per group.
 */
export async function projectStats(db: Db, projectId: string): Promise<TProjectStats> {
  const project = await db.prisma.project.findUnique({
    where: { id: projectId },
    select: { taskType: true, optionsPerItem: true, questions: true },
  });
  if (!project) throw notFound("Project");
  const pool = db.pool;
  const now = new Date();
  // Ratings are summed for the aspects the project asks for; without any, nothing is read.
  const aspects = questionsOf(project).aspects.map((a) => a.key);
  const hasAspects = aspects.length > 0;
  const [excluded, progress, measures] = await Promise.all([
    loadExclusions(pool, projectId),
    loadProgress(pool, projectId, now),
    project.taskType === "RANKING"
      ? rankingMeasures(pool, projectId, project.optionsPerItem, hasAspects)
      : pairwiseMeasures(pool, projectId, aspects),
  ]);
  return {
    generatedAt: now.toISOString(),
    taskType: project.taskType === "RANKING" ? "ranking" : "pairwise",
    excluded,
    progress,
    ...measures,
  };
}
