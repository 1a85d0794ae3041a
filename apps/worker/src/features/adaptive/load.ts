import type {
  TPairwiseClass,
  TPairwiseItem,
  TPairwiseJudgment,
  TRankingItem,
  TRankingJudgment,
} from "@arbiter/aggregation";
import { withTransaction } from "@arbiter/db";
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

/** What every loaded item carries besides its task's data: its clocks and what is stored for it. */
export type TItemState = {
  /** Seconds since the item last got an answer the model reads (or was created). */
  waitedSeconds: number;
  /** Seconds from the project's creation to the item's last answer (or its creation): the age term's clock. */
  activeSeconds: number;
  /** Answers it may still take: up to its wanted count, or one more under dynamic overlap below its max. */
  slots: number;
  isGold: boolean;
  open: boolean;
  /** An open dynamic item at its wanted count: the refit decides it. */
  due: boolean;
  stored: { confidence: number | null; priority: number };
};

export type TLoadedItem = TPairwiseItem &
  TItemState & {
    /** Who wrote each completion (its generator, else its imported model), for the leaderboard rule. */
    contestants: readonly [string, string];
  };

export type TLoadedProject = { items: TLoadedItem[]; judgments: TPairwiseJudgment[] };

export type TLoadedRankingItem = TRankingItem &
  TItemState & {
    /** Who wrote each completion, in the item's canonical order. */
    contestants: string[];
  };

export type TLoadedRankingProject = { items: TLoadedRankingItem[]; judgments: TRankingJudgment[] };

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

// An item's state columns (TItemState), over items i of project p. Its last answer is read
// off the loaded answers (a probe of the judgments per item cost the refit more than the
// rest of its reads).
const STATE = `
  i.is_gold, i.status = 'OPEN' AS open,
  i.status = 'OPEN' AND i.judgments_max IS NOT NULL AND i.judgments_count >= i.judgments_wanted AS due,
  i.confidence AS stored_confidence, i.priority AS stored_priority,
  CASE WHEN i.status = 'OPEN'
       THEN greatest(i.judgments_wanted - i.judgments_count,
                     CASE WHEN i.judgments_count < i.judgments_max THEN 1 ELSE 0 END)
       ELSE 0 END AS slots,
  extract(epoch FROM i.created_at)::float8 AS created, extract(epoch FROM p.created_at)::float8 AS project_created,
  extract(epoch FROM now())::float8 AS now`;
const PROJECT = "JOIN projects p ON p.id = i.project_id";

type TStateRow = {
  is_gold: boolean;
  open: boolean;
  due: boolean;
  stored_confidence: number | null;
  stored_priority: number;
  slots: number;
  created: number;
  project_created: number;
  now: number;
};

/** Each item's newest answer (epoch seconds), from the loaded answers. */
function lastAnswers(rows: { item_id: string; at: number }[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const r of rows)
    if (r.at > (last.get(r.item_id) ?? Number.NEGATIVE_INFINITY)) last.set(r.item_id, r.at);
  return last;
}

function itemState(r: TStateRow, lastAnswer: number | undefined): TItemState {
  const at = Math.max(r.created, lastAnswer ?? Number.NEGATIVE_INFINITY);
  return {
    isGold: r.is_gold,
    open: r.open,
    due: r.due,
    stored: { confidence: r.stored_confidence, priority: r.stored_priority },
    slots: r.slots,
    waitedSeconds: Math.max(0, r.now - at),
    activeSeconds: at - r.project_created,
  };
}

/**
 * A refit's reads: whole-project scans the planner prices past jit_above_cost. Compiling them
 * (in each parallel worker too) cost more CPU than it saved, taken from the API's answers on
 * the same cores, so they run without JIT and without parallel workers.
 */
function readProject<R extends pg.QueryResultRow>(pool: pg.Pool, sql: string, projectId: string) {
  return withTransaction(pool, async (client) => {
    await client.query("SET LOCAL jit = off");
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
    return client.query<R>(sql, [projectId]);
  });
}

// Items with their two canonical completions.
const ITEMS = `
  SELECT i.id, c0.id::text AS c0, c1.id::text AS c1,
         coalesce(c0.generator_id::text, c0.model) AS m0, coalesce(c1.generator_id::text, c1.model) AS m1,
         ${STATE}
    FROM items i ${PROJECT}
    JOIN item_completions ic0 ON ic0.item_id = i.id AND ic0.position = 0 JOIN completions c0 ON c0.id = ic0.completion_id
    JOIN item_completions ic1 ON ic1.item_id = i.id AND ic1.position = 1 JOIN completions c1 ON c1.id = ic1.completion_id
   WHERE i.project_id = $1
   ORDER BY i.id`;

// One row per answer, in the canonical space: which completion was shown first, and the
// answer relative to the item's canonical order.
const JUDGMENTS = `
  SELECT j.item_id, j.annotator_id, a.shown_order[1]::text AS shown_first, j.gold_correct,
         extract(epoch FROM j.created_at)::float8 AS at,
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
    readProject<TStateRow & { id: string; c0: string; c1: string; m0: string; m1: string }>(
      pool,
      ITEMS,
      projectId,
    ),
    readProject<{
      item_id: string;
      annotator_id: string;
      shown_first: string;
      gold_correct: boolean | null;
      answer: TPairwiseClass;
      at: number;
    }>(pool, JUDGMENTS, projectId),
  ]);
  const last = lastAnswers(judgments.rows);
  const gold = new Map<string, TPairwiseClass>();
  for (const r of judgments.rows) if (r.gold_correct) gold.set(r.item_id, r.answer);
  return {
    items: items.rows.map((r) => ({
      ...itemState(r, last.get(r.id)),
      id: r.id,
      gold: r.is_gold ? (gold.get(r.id) ?? null) : null,
      completions: [r.c0, r.c1] as const,
      contestants: [r.m0, r.m1] as const,
    })),
    judgments: judgments.rows.map((r) => ({
      itemId: r.item_id,
      annotatorId: r.annotator_id,
      answer: r.answer,
      shownFirst: r.shown_first,
    })),
  };
}

// A ranking item's completions (and who wrote them) in canonical order, its gold order.
const RANKING_ITEMS = `
  SELECT i.id, i.gold_answer->'ranking' AS gold,
         array_agg(c.id::text ORDER BY ic.position) AS completions,
         array_agg(coalesce(c.generator_id::text, c.model) ORDER BY ic.position) AS models,
         ${STATE}
    FROM items i ${PROJECT}
    JOIN item_completions ic ON ic.item_id = i.id
    JOIN completions c ON c.id = ic.completion_id
   WHERE i.project_id = $1
   GROUP BY i.id, p.id
   ORDER BY i.id`;

// Rankings are stored as completion ids, best group first; "both bad" ranks nothing.
const RANKINGS = `
  SELECT j.item_id, j.annotator_id, j.ranking, a.shown_order::text[] AS shown_order,
         extract(epoch FROM j.created_at)::float8 AS at
    FROM judgments j
    JOIN assignments a ON a.id = j.assignment_id
   WHERE j.project_id = $1 AND j.ranking IS NOT NULL AND j.superseded_at IS NULL`;

/** The project's K-wise items and rankings, as the aggregation package takes them; gold orders anchor the fit. */
export async function loadRanking(pool: pg.Pool, projectId: string): Promise<TLoadedRankingProject> {
  const [items, judgments] = await Promise.all([
    readProject<TStateRow & { id: string; gold: string[][] | null; completions: string[]; models: string[] }>(
      pool,
      RANKING_ITEMS,
      projectId,
    ),
    readProject<{
      item_id: string;
      annotator_id: string;
      ranking: string[][];
      shown_order: string[];
      at: number;
    }>(pool, RANKINGS, projectId),
  ]);
  const last = lastAnswers(judgments.rows);
  return {
    items: items.rows.map((r) => ({
      ...itemState(r, last.get(r.id)),
      id: r.id,
      gold: r.is_gold ? r.gold : null,
      completions: r.completions,
      contestants: r.models,
    })),
    judgments: judgments.rows.map((r) => ({
      itemId: r.item_id,
      annotatorId: r.annotator_id,
      ranking: r.ranking,
      shownOrder: r.shown_order,
    })),
  };
}
