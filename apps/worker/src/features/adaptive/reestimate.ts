import { aggregatePairwise } from "@arbiter/aggregation";
import { withTransaction } from "@arbiter/db";
import type pg from "pg";
import { adaptiveProject, loadPairwise } from "./load";
import { priorities } from "./priority";

// Items decided per transaction: each batch locks its rows briefly, so answers to other
// items of the project never wait for the whole project.
const DECIDE_BATCH = 1_000;
// A refit starts from nothing each time; this is precise enough for deciding and ordering.
const TOLERANCE = 1e-4;

export type TReestimateResult =
  | { fitted: false }
  | { fitted: true; judgments: number; items: number; completed: number; raised: number; iterations: number };

/**
 * Refits a project's annotator-aware model (Dawid–Skene with a position term) and acts on
 * it: stores each annotator's estimates, then per item hands arbiter_decide_items the
 * leading answer's confidence and the lease priority of the project's selection rule; the
 * SQL function completes items whose confidence reached the project's target (or that have
 * their maximum) and asks for one more answer for the others at their wanted count.
 */
export async function reestimateProject(pool: pg.Pool, projectId: string): Promise<TReestimateResult> {
  const project = await adaptiveProject(pool, projectId);
  if (project?.taskType !== "PAIRWISE") return { fitted: false };
  // Answers written while the fit runs are newer than this, so the sweep refits for them.
  const { rows: clock } = await pool.query<{ now: Date }>("SELECT clock_timestamp() AS now");
  const loaded = await loadPairwise(pool, projectId);
  const fit = aggregatePairwise(loaded.items, loaded.judgments, {
    classes: project.classes,
    tolerance: TOLERANCE,
  });
  const priority = priorities(project.selection, loaded, fit);

  await withTransaction(pool, async (client) => {
    await client.query("DELETE FROM annotator_estimates WHERE project_id = $1", [projectId]);
    await client.query(
      `INSERT INTO annotator_estimates (project_id, user_id, answers, accuracy, accuracy_low, accuracy_high, position_bias, fitted_at)
       SELECT $1, u.user_id, u.answers, u.accuracy, u.low, u.high, u.bias, $8
         FROM unnest($2::uuid[], $3::int[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])
              AS u(user_id, answers, accuracy, low, high, bias)`,
      [
        projectId,
        fit.annotators.map((a) => a.annotatorId),
        fit.annotators.map((a) => a.answers),
        fit.annotators.map((a) => a.accuracy),
        fit.annotators.map((a) => a.accuracyInterval[0]),
        fit.annotators.map((a) => a.accuracyInterval[1]),
        fit.annotators.map((a) => a.positionBias),
        clock[0]!.now,
      ],
    );
    await client.query(
      `INSERT INTO project_fits (project_id, judgments, items, iterations, converged, fitted_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project_id) DO UPDATE
         SET judgments = EXCLUDED.judgments, items = EXCLUDED.items, iterations = EXCLUDED.iterations,
             converged = EXCLUDED.converged, fitted_at = EXCLUDED.fitted_at`,
      [projectId, loaded.judgments.length, loaded.items.length, fit.iterations, fit.converged, clock[0]!.now],
    );
  });

  let completed = 0;
  let raised = 0;
  // Gold items are dealt by the qualification rule, not by priority, and are never decided.
  const decided = loaded.items.flatMap((item, k) => (item.isGold ? [] : [k]));
  for (let start = 0; start < decided.length; start += DECIDE_BATCH) {
    const batch = decided.slice(start, start + DECIDE_BATCH);
    const { rows } = await pool.query<{ status: string; judgments_wanted: number; judgments_count: number }>(
      `SELECT status, judgments_wanted, judgments_count
         FROM arbiter_decide_items($1::uuid[], $2::float8[], $3::int[], $4::boolean[])`,
      [
        batch.map((k) => loaded.items[k]!.id),
        batch.map((k) => fit.items[k]!.confidence),
        batch.map((k) => priority[k]!),
        batch.map(() => null),
      ],
    );
    for (const r of rows) {
      if (r.status === "COMPLETE") completed += 1;
      else if (r.judgments_wanted > r.judgments_count) raised += 1;
    }
  }
  return {
    fitted: true,
    judgments: loaded.judgments.length,
    items: loaded.items.length,
    completed,
    raised,
    iterations: fit.iterations,
  };
}
