import type pg from "pg";
import type { ConsensusInput, FitItem, FitJudgment, GoldAnswer } from "./consensus";
import { TOO_FAST } from "./source";

// The Dawid–Skene fit needs every vote of the project before the first row is written, but
// only ids and answers: no prompt or completion text crosses the wire here. Retired items
// are never exported, so they are left out of the fit too.
const ITEMS_SQL = `
SELECT i.id, CASE WHEN i.is_gold THEN i.gold_answer END AS gold_answer, ic.completions
  FROM items i
  LEFT JOIN (SELECT ic.item_id, array_agg(ic.completion_id::text ORDER BY ic.position) AS completions
               FROM item_completions ic
               JOIN items ii ON ii.id = ic.item_id
              WHERE ii.project_id = $1
              GROUP BY ic.item_id) ic ON ic.item_id = i.id
 WHERE i.project_id = $1 AND i.status <> 'DISABLED'`;

const JUDGMENTS_SQL = `
SELECT j.item_id, j.annotator_id, j.choice, j.strength, j.ranking, j.created_at, ${TOO_FAST} AS too_fast,
       a.shown_order::text[] AS shown_order
  FROM judgments j
  JOIN assignments a ON a.id = j.assignment_id
  JOIN items i ON i.id = j.item_id
 WHERE j.project_id = $1 AND j.superseded_at IS NULL AND i.status <> 'DISABLED'`;

type JudgmentRow = {
  item_id: string;
  annotator_id: string;
  choice: FitJudgment["choice"];
  strength: number | null;
  ranking: string[][] | null;
  created_at: Date;
  too_fast: boolean;
  shown_order: string[];
};

/** The compact judgment data of a project, read in the caller's transaction (and snapshot). */
export async function readConsensusInput(
  client: pg.ClientBase,
  projectId: string,
  untrusted: Set<string>,
): Promise<ConsensusInput> {
  const items = await client.query<{
    id: string;
    gold_answer: GoldAnswer | null;
    completions: string[] | null;
  }>(ITEMS_SQL, [projectId]);
  const judgments = await client.query<JudgmentRow>(JUDGMENTS_SQL, [projectId]);
  return {
    items: items.rows.map(
      (r): FitItem => ({ id: r.id, completions: r.completions ?? [], gold: r.gold_answer }),
    ),
    judgments: judgments.rows.map(
      (r): FitJudgment => ({
        itemId: r.item_id,
        annotatorId: r.annotator_id,
        untrusted: untrusted.has(r.annotator_id),
        tooFast: r.too_fast,
        choice: r.choice,
        strength: r.strength,
        ranking: r.ranking,
        shownOrder: r.shown_order,
        createdAt: r.created_at.toISOString(),
      }),
    ),
  };
}
