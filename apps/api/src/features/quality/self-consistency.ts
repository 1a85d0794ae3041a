import type { Db } from "@arbiter/db";

export type TSelfConsistency = { repeats: number; consistent: number };

// Rankings are stored as completion ids grouped best-first (the shown order already mapped
// away), so a repeat shown in swapped order compares with the first answer directly; ids
// are sorted inside each group so that ties equal ties. Both-bad answers have no ranking:
// NULL matches NULL.
const NORMALISED = (col: string) =>
  `(SELECT jsonb_agg((SELECT jsonb_agg(e ORDER BY e) FROM jsonb_array_elements_text(g) AS e) ORDER BY n)
      FROM jsonb_array_elements(${col}) WITH ORDINALITY AS t(g, n))`;

/**
 * Per annotator of the project: how many consistency repeats they answered, and in how many
 * they gave the same answer as the first time.
 */
export async function selfConsistency(db: Db, projectId: string): Promise<Map<string, TSelfConsistency>> {
  const { rows } = await db.pool.query<{ annotator_id: string; repeats: number; consistent: number }>(
    `SELECT r.annotator_id, count(*)::int AS repeats,
            count(*) FILTER (WHERE ${NORMALISED("r.ranking")} IS NOT DISTINCT FROM ${NORMALISED("j.ranking")})::int
              AS consistent
       FROM repeat_judgments r
       JOIN judgments j ON j.item_id = r.item_id AND j.annotator_id = r.annotator_id AND j.superseded_at IS NULL
      WHERE r.project_id = $1
      GROUP BY r.annotator_id`,
    [projectId],
  );
  return new Map(rows.map((r) => [r.annotator_id, { repeats: r.repeats, consistent: r.consistent }]));
}
