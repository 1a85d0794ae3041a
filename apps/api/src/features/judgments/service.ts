import type { Db } from "@arbiter/db";
import type { TJudgmentSearchRow, ZJudgmentSearchQuery } from "@arbiter/shared";
import type { z } from "zod";
import type { AuthUser } from "../../lib/principal";
import { containsPattern } from "../contents/item-list";
import { cursorOf, nextCursor, promptPreviewSql } from "../contents/service";
import { canonicalAnswer } from "../items/canonical-answer";
import { assertProject } from "../projects/access";
import { annotatorIdentity } from "../quality/annotator-identity";

type TQuery = z.output<typeof ZJudgmentSearchQuery>;

/**
 * Current judgments that carry a rationale or a flag, newest first, narrowed by a text
 * search over both, a flag, or whether a rationale was written; each with its item.
 */
export async function searchJudgments(
  db: Db,
  secret: string,
  viewer: Pick<AuthUser, "role">,
  projectId: string,
  query: TQuery,
): Promise<{ judgments: TJudgmentSearchRow[]; nextCursor: string | null }> {
  const project = await assertProject(db, projectId);
  const values: unknown[] = [projectId];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = [
    "j.project_id = $1",
    "j.superseded_at IS NULL",
    "(j.rationale <> '' OR cardinality(j.flags) > 0)",
  ];
  const cursor = cursorOf(query.cursor);
  if (cursor)
    where.push(
      `(j.created_at, j.id) < (SELECT created_at, id FROM judgments WHERE id = ${param(cursor)}::uuid)`,
    );
  if (query.hasRationale !== undefined)
    where.push(query.hasRationale ? "j.rationale <> ''" : "COALESCE(j.rationale, '') = ''");
  if (query.flag) where.push(`${param(query.flag)} = ANY (j.flags)`);
  if (query.q) {
    const pattern = param(containsPattern(query.q));
    where.push(
      `(j.rationale ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(j.flags) AS f WHERE f ILIKE ${pattern}))`,
    );
  }
  const { rows } = await db.pool.query(
    `SELECT j.id, j.item_id, j.annotator_id, u.email, COALESCE(s.status, 'ADMITTED') AS annotator_status,
            j.choice, j.ranking, j.rationale, j.flags, j.created_at, ${promptPreviewSql("p")} AS preview,
            (SELECT json_agg(json_build_array(c.id, c.model) ORDER BY ic.position)
               FROM item_completions ic JOIN completions c ON c.id = ic.completion_id
              WHERE ic.item_id = j.item_id) AS completions
       FROM judgments j
       JOIN users u ON u.id = j.annotator_id
       JOIN items i ON i.id = j.item_id
       JOIN prompts p ON p.id = i.prompt_id
       LEFT JOIN annotator_states s ON s.project_id = j.project_id AND s.user_id = j.annotator_id
      WHERE ${where.join(" AND ")}
      ORDER BY j.created_at DESC, j.id DESC
      LIMIT ${param(query.limit + 1)}`,
    values,
  );
  const { page, nextCursor: next } = nextCursor(rows as { id: string }[], query.limit);
  const identify = annotatorIdentity(secret, viewer);
  const judgments = (page as typeof rows).map((r): TJudgmentSearchRow => {
    const completions = (r.completions ?? []) as [string, string][];
    const positionOf = new Map(completions.map(([id], position) => [id, position]));
    return {
      id: r.id,
      itemId: r.item_id,
      promptPreview: r.preview,
      annotator: { ...identify({ id: r.annotator_id, email: r.email }), status: r.annotator_status },
      answer: canonicalAnswer(r, positionOf, project.taskType),
      models: completions.map(([, model]) => model),
      rationale: r.rationale,
      flags: r.flags ?? [],
      createdAt: (r.created_at as Date).toISOString(),
    };
  });
  return { judgments, nextCursor: next };
}
