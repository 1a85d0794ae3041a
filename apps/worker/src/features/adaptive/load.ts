import type { TPairwiseClass, TPairwiseItem, TPairwiseJudgment } from "@arbiter/aggregation";
import type pg from "pg";

export type TSelection = "uniform" | "label-confidence" | "leaderboard";

export type TAdaptiveProject = {
  id: string;
  taskType: string;
  selection: TSelection;
  /** Dynamic overlap: the worker decides when an item has enough answers. */
  dynamic: boolean;
  classes: TPairwiseClass[];
};

export type TLoadedItem = TPairwiseItem & {
  /** Who wrote each completion (its generator, else its imported model), for the leaderboard rule. */
  contestants: readonly [string, string];
  /** Seconds since the item last got an answer (or was created): the age term's clock. */
  waitedSeconds: number;
  isGold: boolean;
};

export type TLoadedProject = { items: TLoadedItem[]; judgments: TPairwiseJudgment[] };

/** A project the worker fits (dynamic overlap or a non-uniform selection), or null. */
export async function adaptiveProject(pool: pg.Pool, projectId: string): Promise<TAdaptiveProject | null> {
  const { rows } = await pool.query<{
    task_type: string;
    selection: TSelection;
    dynamic: boolean;
    allow_tie: boolean;
    allow_both_bad: boolean;
  }>(
    `SELECT p.task_type, p.selection, p.overlap_min IS NOT NULL AS dynamic,
            coalesce((p.questions->>'allowTie')::boolean, false)
              OR EXISTS (SELECT 1 FROM judgments j WHERE j.project_id = p.id AND j.choice = 'tie') AS allow_tie,
            coalesce((p.questions->>'allowBothBad')::boolean, false)
              OR EXISTS (SELECT 1 FROM judgments j WHERE j.project_id = p.id AND j.choice = 'both_bad') AS allow_both_bad
       FROM projects p
      WHERE p.id = $1 AND (p.overlap_min IS NOT NULL OR p.selection <> 'uniform')`,
    [projectId],
  );
  const row = rows[0];
  if (!row) return null;
  const classes: TPairwiseClass[] = ["first", "second"];
  if (row.allow_tie) classes.push("tie");
  if (row.allow_both_bad) classes.push("bothBad");
  return { id: projectId, taskType: row.task_type, selection: row.selection, dynamic: row.dynamic, classes };
}

// Items with their two canonical completions.
const ITEMS = `
  SELECT i.id, i.is_gold, c0.id::text AS c0, c1.id::text AS c1,
         coalesce(c0.generator_id::text, c0.model) AS m0, coalesce(c1.generator_id::text, c1.model) AS m1,
         extract(epoch FROM now() - greatest(i.created_at, (SELECT max(j.created_at) FROM judgments j WHERE j.item_id = i.id)))::float8 AS waited
    FROM items i
    JOIN item_completions ic0 ON ic0.item_id = i.id AND ic0.position = 0 JOIN completions c0 ON c0.id = ic0.completion_id
    JOIN item_completions ic1 ON ic1.item_id = i.id AND ic1.position = 1 JOIN completions c1 ON c1.id = ic1.completion_id
   WHERE i.project_id = $1
   ORDER BY i.id`;

// One row per answer, in the canonical space: which completion was shown first, and the
// answer relative to the item's canonical order.
const JUDGMENTS = `
  SELECT j.item_id, j.annotator_id, a.shown_order[1]::text AS shown_first, j.gold_correct,
         CASE j.choice
           WHEN 'A' THEN CASE WHEN a.shown_order[1] = ic0.completion_id THEN 'first' ELSE 'second' END
           WHEN 'B' THEN CASE WHEN a.shown_order[2] = ic0.completion_id THEN 'first' ELSE 'second' END
           WHEN 'tie' THEN 'tie'
           ELSE 'bothBad' END AS answer
    FROM judgments j
    JOIN assignments a ON a.id = j.assignment_id
    JOIN item_completions ic0 ON ic0.item_id = j.item_id AND ic0.position = 0
   WHERE j.project_id = $1 AND j.choice IS NOT NULL AND j.superseded_at IS NULL`;

/**
 * The project's pairwise items and answers, as the aggregation package takes them. A gold
 * item's class is read off an answer that matched its known answer (the quality check
 * compared them when it was given), so gold anchors annotators' accuracies once answered right.
 */
export async function loadPairwise(pool: pg.Pool, projectId: string): Promise<TLoadedProject> {
  const [items, judgments] = await Promise.all([
    pool.query<{
      id: string;
      is_gold: boolean;
      c0: string;
      c1: string;
      m0: string;
      m1: string;
      waited: number;
    }>(ITEMS, [projectId]),
    pool.query<{
      item_id: string;
      annotator_id: string;
      shown_first: string;
      gold_correct: boolean | null;
      answer: TPairwiseClass;
    }>(JUDGMENTS, [projectId]),
  ]);
  const gold = new Map<string, TPairwiseClass>();
  for (const r of judgments.rows) if (r.gold_correct) gold.set(r.item_id, r.answer);
  return {
    items: items.rows.map((r) => ({
      id: r.id,
      isGold: r.is_gold,
      gold: r.is_gold ? (gold.get(r.id) ?? null) : null,
      completions: [r.c0, r.c1] as const,
      contestants: [r.m0, r.m1] as const,
      waitedSeconds: Math.max(0, r.waited),
    })),
    judgments: judgments.rows.map((r) => ({
      itemId: r.item_id,
      annotatorId: r.annotator_id,
      answer: r.answer,
      shownFirst: r.shown_first,
    })),
  };
}
