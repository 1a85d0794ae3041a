import type { Db } from "@arbiter/db";
import type { TContentSummary, TItemSummary, TPromptPreview } from "@arbiter/shared";
import { badRequest } from "../../lib/http-error";
import { assertProject } from "../projects/access";

const PREVIEW_CHARS = 240;

// A conversation is previewed by its last user turn: that is the question being answered.
const promptPreviewSql = (alias: string) => `left(coalesce(${alias}.text,
    (SELECT m->>'content' FROM jsonb_array_elements(${alias}.messages) WITH ORDINALITY AS t(m, n)
      WHERE m->>'role' = 'user' ORDER BY n DESC LIMIT 1), ''), ${PREVIEW_CHARS})`;

/** Keyset paging over (created_at desc, id desc); the cursor is the last row's id. */
function cursorOf(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  if (!/^[0-9a-f-]{36}$/i.test(cursor))
    throw badRequest("query.cursor: is not a valid cursor", [
      { path: "query.cursor", message: "is not valid" },
    ]);
  return cursor;
}

function nextCursor<T extends { id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

export async function listPrompts(db: Db, projectId: string, query: { cursor?: string; limit: number }) {
  await assertProject(db, projectId);
  const cursor = cursorOf(query.cursor);
  const { rows } = await db.pool.query(
    `SELECT p.id, p.external_id, p.created_at, ${promptPreviewSql("p")} AS preview,
            (SELECT count(*)::int FROM completions c WHERE c.prompt_id = p.id) AS completions
       FROM prompts p
      WHERE p.project_id = $1
        AND ($2::uuid IS NULL OR (p.created_at, p.id) < (SELECT created_at, id FROM prompts WHERE id = $2))
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT $3`,
    [projectId, cursor, query.limit + 1],
  );
  const { page, nextCursor: next } = nextCursor(rows as { id: string }[], query.limit);
  const prompts: TPromptPreview[] = (page as typeof rows).map((r) => ({
    id: r.id,
    externalId: r.external_id,
    preview: r.preview,
    completions: r.completions,
    createdAt: (r.created_at as Date).toISOString(),
  }));
  return { prompts, nextCursor: next };
}

export async function listItems(
  db: Db,
  projectId: string,
  query: { cursor?: string; limit: number; status?: "OPEN" | "COMPLETE" | "DISABLED" },
) {
  await assertProject(db, projectId);
  const cursor = cursorOf(query.cursor);
  const { rows } = await db.pool.query(
    `SELECT i.id, i.status, i.is_gold, i.judgments_wanted, i.judgments_count, i.created_at,
            p.id AS prompt_id, p.external_id, ${promptPreviewSql("p")} AS preview
       FROM items i JOIN prompts p ON p.id = i.prompt_id
      WHERE i.project_id = $1
        AND ($2::text IS NULL OR i.status::text = $2)
        AND ($3::uuid IS NULL OR (i.created_at, i.id) < (SELECT created_at, id FROM items WHERE id = $3))
      ORDER BY i.created_at DESC, i.id DESC
      LIMIT $4`,
    [projectId, query.status ?? null, cursor, query.limit + 1],
  );
  const { page, nextCursor: next } = nextCursor(rows as { id: string }[], query.limit);
  const itemRows = page as typeof rows;
  const { rows: completionRows } = await db.pool.query(
    `SELECT ic.item_id, ic.position, c.id, c.model, c.source, c.sample_index,
            left(c.text, ${PREVIEW_CHARS}) AS preview, g.name AS generator_name
       FROM item_completions ic
       JOIN completions c ON c.id = ic.completion_id
       LEFT JOIN generators g ON g.id = c.generator_id
      WHERE ic.item_id = ANY($1::uuid[])
      ORDER BY ic.item_id, ic.position`,
    [itemRows.map((r) => r.id)],
  );
  const byItem = new Map<string, TItemSummary["completions"]>();
  for (const c of completionRows) {
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
  const items: TItemSummary[] = itemRows.map((r) => ({
    id: r.id,
    status: r.status,
    isGold: r.is_gold,
    judgmentsWanted: r.judgments_wanted,
    judgmentsCount: r.judgments_count,
    createdAt: (r.created_at as Date).toISOString(),
    prompt: { id: r.prompt_id, externalId: r.external_id, preview: r.preview },
    completions: byItem.get(r.id) ?? [],
  }));
  return { items, nextCursor: next };
}

export async function contentSummary(db: Db, projectId: string): Promise<TContentSummary> {
  await assertProject(db, projectId);
  const [prompts, models, items] = await Promise.all([
    db.pool.query(
      `SELECT count(*)::int AS prompts,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM completions c WHERE c.prompt_id = p.id))::int
                AS with_completions
         FROM prompts p WHERE p.project_id = $1`,
      [projectId],
    ),
    db.pool.query(
      `SELECT c.model, c.source, c.generator_id, g.name AS generator_name, count(*)::int AS completions
         FROM completions c
         JOIN prompts p ON p.id = c.prompt_id
         LEFT JOIN generators g ON g.id = c.generator_id
        WHERE p.project_id = $1
        GROUP BY c.model, c.source, c.generator_id, g.name
        ORDER BY completions DESC, c.model`,
      [projectId],
    ),
    db.pool.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'OPEN')::int AS open,
              count(*) FILTER (WHERE status = 'COMPLETE')::int AS complete,
              count(*) FILTER (WHERE is_gold)::int AS gold
         FROM items WHERE project_id = $1`,
      [projectId],
    ),
  ]);
  const modelRows = models.rows.map((r) => ({
    model: r.model as string,
    source: r.source as "GENERATED" | "IMPORTED",
    generatorId: r.generator_id as string | null,
    generatorName: r.generator_name as string | null,
    completions: r.completions as number,
  }));
  return {
    prompts: prompts.rows[0].prompts,
    promptsWithCompletions: prompts.rows[0].with_completions,
    completions: modelRows.reduce((sum, m) => sum + m.completions, 0),
    models: modelRows,
    items: items.rows[0],
  };
}
