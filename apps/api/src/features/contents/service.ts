import type { Db } from "@arbiter/db";
import type { TContentSummary, TPromptPreview } from "@arbiter/shared";
import { badRequest } from "../../lib/http-error";
import { assertProject } from "../projects/access";

export const PREVIEW_CHARS = 240;

// A conversation is previewed by its last user turn: that is the question being answered.
export const promptPreviewSql = (alias: string) => `left(coalesce(${alias}.text,
    (SELECT m->>'content' FROM jsonb_array_elements(${alias}.messages) WITH ORDINALITY AS t(m, n)
      WHERE m->>'role' = 'user' ORDER BY n DESC LIMIT 1), ''), ${PREVIEW_CHARS})`;

/** Keyset paging over (created_at desc, id desc); the cursor is the last row's id. */
export function cursorOf(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  if (!/^[0-9a-f-]{36}$/i.test(cursor))
    throw badRequest("query.cursor: is not a valid cursor", [
      { path: "query.cursor", message: "is not valid" },
    ]);
  return cursor;
}

export function nextCursor<T extends { id: string }>(rows: T[], limit: number) {
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
