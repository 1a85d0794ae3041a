import type pg from "pg";
import { parseOption } from "./seed-items";

export type TStoredItem = {
  id: string;
  completions: [string, string];
  prompt: number;
  models: [number, number];
};
/** A stored pairwise answer in canonical terms, in the order the server stored them. */
export type TStoredJudgment = { itemId: string; annotatorId: string; winner: string; shownFirst: string };

/** Items and every stored answer of a project, oldest first (repeats are kept apart by the server). */
export async function readProject(db: pg.Pool, projectId: string) {
  const { rows: itemRows } = await db.query<{ id: string; ids: string[]; texts: string[] }>(
    `SELECT i.id, array_agg(c.id ORDER BY ic.position) AS ids, array_agg(c.text ORDER BY ic.position) AS texts
       FROM items i JOIN item_completions ic ON ic.item_id = i.id JOIN completions c ON c.id = ic.completion_id
      WHERE i.project_id = $1 GROUP BY i.id`,
    [projectId],
  );
  const items = itemRows.map((r): TStoredItem => {
    const a = parseOption(r.texts[0]!);
    const b = parseOption(r.texts[1]!);
    return { id: r.id, completions: [r.ids[0]!, r.ids[1]!], prompt: a.prompt, models: [a.model, b.model] };
  });
  const { rows } = await db.query<{
    item_id: string;
    annotator_id: string;
    ranking: string[][];
    shown_order: string[];
  }>(
    `SELECT j.item_id, j.annotator_id, j.ranking, a.shown_order
       FROM judgments j JOIN assignments a ON a.id = j.assignment_id
      WHERE j.project_id = $1 ORDER BY j.created_at, j.id`,
    [projectId],
  );
  const judgments = rows.map(
    (r): TStoredJudgment => ({
      itemId: r.item_id,
      annotatorId: r.annotator_id,
      winner: r.ranking[0]![0]!,
      shownFirst: r.shown_order[0]!,
    }),
  );
  return { items, judgments };
}
