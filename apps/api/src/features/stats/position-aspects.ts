import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { wilsonInterval } from "../../lib/analytics/wilson";
import { EXCLUDED_ANNOTATORS, VALID_JUDGMENTS } from "./scope";
import { statsQuery } from "./statement";

/** Answers left out of the statistics; both counts are index lookups from the (few) excluded rows. */
export async function loadExclusions(pool: pg.Pool, projectId: string): Promise<TProjectStats["excluded"]> {
  const { rows } = await pool.query<{ annotators: number; judgments: number; gold: number }>(
    `SELECT count(DISTINCT j.annotator_id)::int AS annotators, count(*)::int AS judgments,
            (SELECT count(*)::int FROM judgments g
              WHERE g.item_id IN (SELECT i.id FROM items i WHERE i.project_id = $1 AND i.is_gold)
                AND g.superseded_at IS NULL) AS gold
       FROM judgments j
      WHERE j.annotator_id IN (${EXCLUDED_ANNOTATORS}) AND j.project_id = $1 AND j.superseded_at IS NULL`,
    [projectId],
  );
  const r = rows[0]!;
  return { annotators: r.annotators, judgments: r.judgments, goldJudgments: r.gold };
}

/** Ranking projects: answers analysed, and how often the single best option was the one shown first. */
export async function loadRankingPosition(pool: pg.Pool, projectId: string, options: number) {
  const { rows } = await statsQuery<{ judgments: number; decisive: number; first_shown: number }>(
    pool,
    `WITH ${VALID_JUDGMENTS}
     SELECT count(*)::int AS judgments,
            count(*) FILTER (WHERE jsonb_array_length(ranking -> 0) = 1)::int AS decisive,
            count(*) FILTER (WHERE jsonb_array_length(ranking -> 0) = 1
                               AND (ranking -> 0 ->> 0)::uuid = shown_order[1])::int AS first_shown
       FROM v`,
    [projectId],
  );
  const r = rows[0]!;
  const position: TProjectStats["biases"]["position"] = {
    hits: r.first_shown,
    of: r.decisive,
    share: r.decisive ? r.first_shown / r.decisive : null,
    ci: wilsonInterval(r.first_shown, r.decisive),
    expected: 1 / options,
  };
  return { judgments: r.judgments, position };
}

/** Ranking projects: mean aspect rating per model; ratings are stored by shown option key and mapped back through the shown order. */
export async function loadAspects(
  pool: pg.Pool,
  projectId: string,
): Promise<TProjectStats["biases"]["aspects"]> {
  const { rows } = await statsQuery<{ aspect: string; model: string; mean: number; n: number }>(
    pool,
    `WITH ${VALID_JUDGMENTS},
     ratings AS (
       SELECT v.shown_order[ascii(o.key) - 64] AS completion_id, r.key AS aspect, sum(r.value::float8) AS total,
              count(*) AS n
         FROM v, jsonb_each(v.aspects) AS o(key, ratings), jsonb_each_text(o.ratings) AS r(key, value)
        WHERE v.aspects IS NOT NULL
        GROUP BY 1, 2
     )
     SELECT r.aspect, COALESCE(g.name, c.model) AS model, (sum(r.total) / sum(r.n))::float8 AS mean,
            sum(r.n)::int AS n
       FROM ratings r JOIN completions c ON c.id = r.completion_id
       LEFT JOIN generators g ON g.id = c.generator_id
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [projectId],
  );
  return rows;
}
