import { aggregatePairwise, aggregateRankings, type TAnnotatorEstimate } from "@arbiter/aggregation";
import { withTransaction } from "@arbiter/db";
import type pg from "pg";
import { adaptiveProject, loadPairwise, loadRanking, type TAdaptiveProject, type TItemState } from "./load";
import { pairwiseOutlooks, priorities, rankingOutlooks } from "./priority";

// Items decided per transaction: each batch locks its rows briefly, so answers to other
// items of the project never wait for the whole project.
const DECIDE_BATCH = 1_000;
// A refit starts from nothing each time; this is precise enough for deciding and ordering.
const TOLERANCE = 1e-4;
// An item not due for a decision is rewritten only when its stored values are this far off:
// every write is a new row version and index entries the lease scan then walks past, and
// the API's answers share the cores with the refit. A priority step is 0.005 of expected
// confidence gain, or some 18 s of waiting.
const CONFIDENCE_STEP = 0.01;
const PRIORITY_STEP = 50;

export type TReestimateResult =
  | { fitted: false }
  | {
      fitted: true;
      judgments: number;
      items: number;
      /** Items whose stored confidence or priority was rewritten, or that were decided. */
      written: number;
      completed: number;
      raised: number;
      iterations: number;
    };

/** A fit, whatever the task type: per item (in id order) its leading answer's confidence and priority. */
type TProjectFit = {
  items: (TItemState & { id: string })[];
  judgments: number;
  annotators: TAnnotatorEstimate[];
  confidence: number[];
  priority: number[];
  iterations: number;
  converged: boolean;
};

async function fitPairwise(pool: pg.Pool, project: TAdaptiveProject): Promise<TProjectFit> {
  const loaded = await loadPairwise(pool, project.id);
  const fit = aggregatePairwise(loaded.items, loaded.judgments, {
    classes: project.classes,
    tolerance: TOLERANCE,
  });
  return {
    items: loaded.items,
    judgments: loaded.judgments.length,
    annotators: fit.annotators,
    confidence: fit.items.map((e) => e.confidence),
    priority: priorities(project.selection, pairwiseOutlooks(loaded, fit)),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

// A ranking item's confidence is its weakest adjacent link: the probability that each
// completion is not worse than the next one down the consensus order.
async function fitRanking(pool: pg.Pool, project: TAdaptiveProject): Promise<TProjectFit> {
  const loaded = await loadRanking(pool, project.id);
  const fit = aggregateRankings(loaded.items, loaded.judgments, { tolerance: TOLERANCE });
  return {
    items: loaded.items,
    judgments: loaded.judgments.length,
    annotators: fit.annotators,
    confidence: fit.items.map((e) => e.confidence),
    priority: priorities(project.selection, rankingOutlooks(loaded, fit)),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

/**
 * Refits a project's annotator-aware model (Dawid–Skene with a position term; rankings
 * decomposed into their pairs) and acts on it: stores each annotator's estimates, then per item hands arbiter_decide_items the
 * leading answer's confidence and the lease priority of the project's selection rule; the
 * SQL function completes items whose confidence reached the project's target (or that have
 * their maximum) and asks for one more answer for the others at their wanted count.
 */
export async function reestimateProject(pool: pg.Pool, projectId: string): Promise<TReestimateResult> {
  const project = await adaptiveProject(pool, projectId);
  if (!project) return { fitted: false };
  // Answers written while the fit runs are newer than this, so the sweep refits for them.
  const { rows: clock } = await pool.query<{ now: Date }>("SELECT clock_timestamp() AS now");
  const fit =
    project.taskType === "PAIRWISE" ? await fitPairwise(pool, project) : await fitRanking(pool, project);

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
      [projectId, fit.judgments, fit.items.length, fit.iterations, fit.converged, clock[0]!.now],
    );
  });

  let completed = 0;
  let raised = 0;
  // Gold items are dealt by the qualification rule, not by priority, and are never decided;
  // a closed item's priority no longer matters.
  const changed = (item: TItemState, k: number) =>
    item.due ||
    item.stored.confidence === null ||
    Math.abs(item.stored.confidence - fit.confidence[k]!) >= CONFIDENCE_STEP ||
    (item.open && Math.abs(item.stored.priority - fit.priority[k]!) >= PRIORITY_STEP);
  const decided = fit.items.flatMap((item, k) => (!item.isGold && changed(item, k) ? [k] : []));
  for (let start = 0; start < decided.length; start += DECIDE_BATCH) {
    const batch = decided.slice(start, start + DECIDE_BATCH);
    const { rows } = await pool.query<{ status: string; judgments_wanted: number; judgments_count: number }>(
      `SELECT status, judgments_wanted, judgments_count
         FROM arbiter_decide_items($1::uuid[], $2::float8[], $3::int[], $4::boolean[])`,
      [
        batch.map((k) => fit.items[k]!.id),
        batch.map((k) => fit.confidence[k]!),
        batch.map((k) => (fit.items[k]!.open ? fit.priority[k]! : null)),
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
    judgments: fit.judgments,
    items: fit.items.length,
    written: decided.length,
    completed,
    raised,
    iterations: fit.iterations,
  };
}
