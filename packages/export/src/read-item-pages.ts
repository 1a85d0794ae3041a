import type { TExportRequest } from "@arbiter/shared";
import type pg from "pg";
import { type ItemRow, itemColumns, type Lookups, TOO_FAST, toItem, UNTRUSTED_SQL } from "./source";
import type { ExportItem } from "./types";

// The first items of a project in export order (by id), a page at a time. Unlike the
// export's set-based read, each item's completions and judgments are looked up by index:
// a preview reads a few hundred items, and aggregating the whole project would cost as
// much as the export itself.
function pageSql(full: boolean): string {
  const { completion, judgment } = itemColumns(full);
  return `
SELECT i.id, i.is_gold, i.status = 'DISABLED' AS retired, p.content_hash, p.text, p.messages, ic.completions, jj.judgments
  FROM (SELECT id FROM items WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3) page
  JOIN items i ON i.id = page.id
  JOIN prompts p ON p.id = i.prompt_id
  LEFT JOIN LATERAL (SELECT json_agg(json_build_array(${completion})) AS completions
                       FROM item_completions ic
                       JOIN completions c ON c.id = ic.completion_id
                      WHERE ic.item_id = i.id) ic ON true
  LEFT JOIN LATERAL (SELECT json_agg(json_build_array(${judgment})) AS judgments
                       FROM judgments j
                       ${full ? "JOIN assignments a ON a.id = j.assignment_id" : ""}
                      WHERE j.item_id = i.id AND j.superseded_at IS NULL) jj ON true
 ORDER BY i.id`;
}

/**
 * Pages of a project's items, in the order and shape `readItems` gives them. The caller
 * owns the client (and its transaction) and stops whenever it has seen enough.
 */
export async function* readItemPages(
  client: pg.ClientBase,
  projectId: string,
  lookups: Lookups,
  options: { full: boolean; pageSize: number },
): AsyncGenerator<ExportItem[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await client.query<ItemRow>(pageSql(options.full), [projectId, after, options.pageSize]);
    if (rows.length === 0) return;
    yield rows.map((row) => toItem(row, lookups));
    if (rows.length < options.pageSize) return;
    after = rows.at(-1)!.id;
  }
}

export type SourceCounts = {
  items: number;
  /** Current judgments (superseded ones are never exported). */
  judgments: number;
  /**
   * Judgments that pass the per-judgment rules: retired items, gold, annotator trust, speed, dates,
   * strength, ties and both-bad. The per-item rules (minimum judgments, agreement,
   * majority) are applied when the rows are built.
   */
  matching: number;
  /** Judgments undone or replaced by their annotator: never exported, counted to say so. */
  superseded: number;
};

/** One pass over the project's judgments by index, without reading any text. */
export async function countSource(
  client: pg.ClientBase,
  projectId: string,
  req: TExportRequest,
): Promise<SourceCounts> {
  const values: unknown[] = [projectId];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  // Retired items are never exported, whatever the request.
  const keep: string[] = [
    "j.item_id NOT IN (SELECT id FROM items WHERE project_id = $1 AND status = 'DISABLED')",
  ];
  if (req.excludeGold) keep.push("j.item_id NOT IN (SELECT id FROM items WHERE project_id = $1 AND is_gold)");
  if (req.excludeQuarantined) keep.push(`j.annotator_id NOT IN (${UNTRUSTED_SQL})`);
  if (req.excludeTooFast) keep.push(`NOT ${TOO_FAST}`);
  if (req.from) keep.push(`j.created_at >= ${param(req.from)}::timestamptz`);
  if (req.to) keep.push(`j.created_at <= ${param(req.to)}::timestamptz`);
  if (req.minStrength !== undefined)
    keep.push(`NOT (j.choice IN ('A', 'B') AND COALESCE(j.strength, 0) < ${param(req.minStrength)}::int)`);
  // As in aggregate.ts: both-bad is an explicit choice or no ranking; a tie is one group.
  const bothBad = "(j.choice = 'both_bad' OR j.ranking IS NULL OR jsonb_typeof(j.ranking) <> 'array')";
  if (req.dropBothBad) keep.push(`NOT ${bothBad}`);
  if (req.dropTies) keep.push(`(${bothBad} OR jsonb_array_length(j.ranking) > 1)`);
  const { rows } = await client.query<SourceCounts>(
    `SELECT (SELECT count(*)::int FROM items WHERE project_id = $1) AS items,
            (count(*) FILTER (WHERE j.superseded_at IS NULL))::int AS judgments,
            (count(*) FILTER (WHERE j.superseded_at IS NULL AND ${keep.join(" AND ")}))::int AS matching,
            (count(*) FILTER (WHERE j.superseded_at IS NOT NULL))::int AS superseded
       FROM judgments j
      WHERE j.project_id = $1`,
    values,
  );
  return rows[0]!;
}
