import type { Db } from "@arbiter/db";
import type { TItemSummary, ZItemListQuery } from "@arbiter/shared";
import type { z } from "zod";
import { assertProject } from "../projects/access";
import { cursorOf, nextCursor, PREVIEW_CHARS, promptPreviewSql } from "./service";

type TQuery = z.output<typeof ZItemListQuery>;

/** `%…%` for ILIKE with the user's own % and _ taken literally. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// An answer's key for agreement: the best group (sorted ids; a pairwise tie is both ids) or
// both bad. For pairwise items this is the export's agreement (share of the most common
// answer); for rankings it is the share of the most common best group.
const ANSWER_KEY = `CASE WHEN j.choice = 'both_bad' OR j.ranking IS NULL OR jsonb_typeof(j.ranking) <> 'array'
  THEN 'both_bad'
  ELSE (SELECT string_agg(x, ',' ORDER BY x) FROM jsonb_array_elements_text(j.ranking->0) AS x) END`;

/**
 * One page of a project's items, newest first, narrowed by the query's filters, each with
 * its judgments' agreement, flags and rationales counted. Text search and flag filters
 * select item ids from the project's judgments first (the rationale has a trigram index),
 * so they do not read every item's judgments.
 */
export async function listItems(db: Db, projectId: string, query: TQuery) {
  await assertProject(db, projectId);
  const values: unknown[] = [projectId];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = ["i.project_id = $1"];
  const cursor = cursorOf(query.cursor);
  if (cursor)
    where.push(`(i.created_at, i.id) < (SELECT created_at, id FROM items WHERE id = ${param(cursor)}::uuid)`);
  if (query.status) where.push(`i.status::text = ${param(query.status)}`);
  if (query.gold !== undefined) where.push(`i.is_gold = ${param(query.gold)}`);
  if (query.model) {
    where.push(`EXISTS (SELECT 1 FROM item_completions ic JOIN completions c ON c.id = ic.completion_id
                         WHERE ic.item_id = i.id AND c.model = ${param(query.model)})`);
  }
  if (query.agreementBelow !== undefined)
    where.push(`s.judgments >= 2 AND s.top < ${param(query.agreementBelow)}::float8 * s.judgments`);
  if (query.agreementAtLeast !== undefined)
    where.push(`s.judgments >= 2 AND s.top >= ${param(query.agreementAtLeast)}::float8 * s.judgments`);
  if (query.flagged !== undefined) where.push(query.flagged ? "s.flagged > 0" : "COALESCE(s.flagged, 0) = 0");
  if (query.hasRationale !== undefined)
    where.push(query.hasRationale ? "s.rationales > 0" : "COALESCE(s.rationales, 0) = 0");
  if (query.flag) {
    where.push(`i.id IN (SELECT j.item_id FROM judgments j WHERE j.project_id = $1 AND j.superseded_at IS NULL
                           AND ${param(query.flag)} = ANY (j.flags))`);
  }
  if (query.q) {
    const pattern = param(containsPattern(query.q));
    where.push(`i.id IN (SELECT j.item_id FROM judgments j WHERE j.project_id = $1 AND j.superseded_at IS NULL
                           AND j.rationale ILIKE ${pattern}
                         UNION
                         SELECT j.item_id FROM judgments j WHERE j.project_id = $1 AND j.superseded_at IS NULL
                           AND EXISTS (SELECT 1 FROM unnest(j.flags) AS f WHERE f ILIKE ${pattern}))`);
  }
  const limit = param(query.limit + 1);
  const { rows } = await db.pool.query(
    `SELECT i.id, i.status, i.is_gold, i.judgments_wanted, i.judgments_count, i.created_at,
            p.id AS prompt_id, p.external_id, ${promptPreviewSql("p")} AS preview,
            COALESCE(s.judgments, 0) AS judgments, s.top, COALESCE(s.flagged, 0) AS flagged,
            COALESCE(s.rationales, 0) AS rationales
       FROM items i
       JOIN prompts p ON p.id = i.prompt_id
       LEFT JOIN LATERAL (
         SELECT sum(g.n)::int AS judgments, max(g.n)::int AS top,
                sum(g.flagged)::int AS flagged, sum(g.rationales)::int AS rationales
           FROM (SELECT count(*) AS n,
                        count(*) FILTER (WHERE cardinality(j.flags) > 0) AS flagged,
                        count(*) FILTER (WHERE j.rationale <> '') AS rationales
                   FROM judgments j
                  WHERE j.item_id = i.id AND j.superseded_at IS NULL
                  GROUP BY ${ANSWER_KEY}) g) s ON true
      WHERE ${where.join(" AND ")}
      ORDER BY i.created_at DESC, i.id DESC
      LIMIT ${limit}`,
    values,
  );
  const { page, nextCursor: next } = nextCursor(rows as { id: string }[], query.limit);
  const itemRows = page as typeof rows;
  const byItem = await completionsOf(
    db,
    itemRows.map((r) => r.id),
  );
  const items: TItemSummary[] = itemRows.map((r) => ({
    id: r.id,
    status: r.status,
    isGold: r.is_gold,
    judgmentsWanted: r.judgments_wanted,
    judgmentsCount: r.judgments_count,
    createdAt: (r.created_at as Date).toISOString(),
    prompt: { id: r.prompt_id, externalId: r.external_id, preview: r.preview },
    completions: byItem.get(r.id) ?? [],
    judgments: r.judgments,
    agreement: r.judgments >= 2 ? r.top / r.judgments : null,
    flagged: r.flagged,
    rationales: r.rationales,
  }));
  return { items, nextCursor: next };
}

async function completionsOf(db: Db, itemIds: string[]) {
  const { rows } = await db.pool.query(
    `SELECT ic.item_id, ic.position, c.id, c.model, c.source, c.sample_index,
            left(c.text, ${PREVIEW_CHARS}) AS preview, g.name AS generator_name
       FROM item_completions ic
       JOIN completions c ON c.id = ic.completion_id
       LEFT JOIN generators g ON g.id = c.generator_id
      WHERE ic.item_id = ANY($1::uuid[])
      ORDER BY ic.item_id, ic.position`,
    [itemIds],
  );
  const byItem = new Map<string, TItemSummary["completions"]>();
  for (const c of rows) {
    const list = byItem.get(c.item_id) ?? [];
    list.push({
      id: c.id,
      position: c.position,
      model: c.model,
      source: c.source,
      generatorName: c.generator_name,
      sampleIndex: c.sample_index,
      preview: c.preview,
    });
    byItem.set(c.item_id, list);
  }
  return byItem;
}
