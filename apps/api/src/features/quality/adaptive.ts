import type { Db } from "@arbiter/db";
import type { TAdaptiveSummary, TAnnotatorEstimate } from "@arbiter/shared";

/** The annotator estimates of the worker's last fit of the project, best first. */
export async function annotatorEstimates(db: Db, projectId: string): Promise<TAnnotatorEstimate[]> {
  const { rows } = await db.pool.query<{
    user_id: string;
    answers: number;
    accuracy: number;
    accuracy_low: number;
    accuracy_high: number;
    position_bias: number;
  }>(
    `SELECT user_id, answers, accuracy, accuracy_low, accuracy_high, position_bias
       FROM annotator_estimates WHERE project_id = $1 ORDER BY accuracy DESC, user_id`,
    [projectId],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    answers: r.answers,
    accuracy: r.accuracy,
    accuracyInterval: { low: r.accuracy_low, high: r.accuracy_high },
    positionBias: r.position_bias,
  }));
}

/**
 * Spent and saved answers of an adaptive project, or null for a fixed, uniform one. Saved
 * counts completed items only: an open item may still take its maximum.
 */
export async function adaptiveSummary(db: Db, projectId: string): Promise<TAdaptiveSummary | null> {
  const { rows } = await db.pool.query<{
    selection: TAdaptiveSummary["selection"];
    overlap_min: number | null;
    overlap_max: number;
    overlap_target: number | null;
    fitted_at: Date | null;
    items: number;
    spent: number;
    saved: number;
    at_target: number;
    awaiting: number;
  }>(
    `SELECT p.selection, p.overlap_min, p.judgments_per_item AS overlap_max, p.overlap_target, f.fitted_at,
            count(i.id)::int AS items,
            coalesce(sum(i.judgments_count), 0)::int AS spent,
            coalesce(sum(coalesce(i.judgments_max, i.judgments_wanted) - i.judgments_count)
                       FILTER (WHERE i.status = 'COMPLETE'), 0)::int AS saved,
            count(*) FILTER (WHERE i.confidence >= p.overlap_target)::int AS at_target,
            count(*) FILTER (WHERE i.status = 'OPEN' AND i.judgments_max IS NOT NULL
                               AND i.judgments_count >= i.judgments_wanted)::int AS awaiting
       FROM projects p
       LEFT JOIN project_fits f ON f.project_id = p.id
       LEFT JOIN items i ON i.project_id = p.id AND NOT i.is_gold
      WHERE p.id = $1 AND (p.overlap_min IS NOT NULL OR p.selection <> 'uniform')
      GROUP BY p.id, f.fitted_at`,
    [projectId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    selection: r.selection,
    overlap:
      r.overlap_min === null || r.overlap_target === null
        ? null
        : { min: r.overlap_min, max: r.overlap_max, target: r.overlap_target },
    fittedAt: r.fitted_at?.toISOString() ?? null,
    items: r.items,
    spent: r.spent,
    saved: Math.max(0, r.saved),
    atTarget: r.at_target,
    awaitingDecision: r.awaiting,
  };
}
