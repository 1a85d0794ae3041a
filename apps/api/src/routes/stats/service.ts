import type { TProjectStats } from "@arbiter/shared";
import type { FastifyInstance } from "fastify";
import { notFound } from "../../lib/http-error";
import { loadAgreement } from "./agreement";
import { loadGames } from "./games";
import { loadAspects, loadSummary } from "./position-aspects";
import { loadProgress } from "./progress";

/**
 * Everything the analytics page shows, computed on request. The heavy lifting (counts,
 * coincidence matrices, games per item) is aggregated in SQL by independent queries
 * that run side by side on the pool; only the Bradley-Terry fits and the bootstrap run
 * here, on per-item game counts.
 */
export async function projectStats(app: FastifyInstance, projectId: string): Promise<TProjectStats> {
  const project = await app.db.prisma.project.findUnique({
    where: { id: projectId },
    select: { taskType: true, optionsPerItem: true },
  });
  if (!project) throw notFound("Project");
  const pool = app.db.pool;
  const now = new Date();
  const [summary, progress, agreement, games, aspects] = await Promise.all([
    loadSummary(pool, projectId, project.optionsPerItem),
    loadProgress(pool, projectId, now),
    loadAgreement(pool, projectId, project.taskType),
    loadGames(pool, projectId, project.taskType),
    loadAspects(pool, projectId),
  ]);
  return {
    generatedAt: now.toISOString(),
    taskType: project.taskType === "RANKING" ? "ranking" : "pairwise",
    judgments: summary.judgments,
    excluded: summary.excluded,
    progress,
    agreement,
    leaderboard: games.leaderboard,
    biases: {
      position: summary.position,
      length: games.length,
      lengthBuckets: games.lengthBuckets,
      aspects,
    },
  };
}
