import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { wilsonInterval } from "../../lib/analytics/wilson";
import { EXCLUDED_ANNOTATORS, VALID_JUDGMENTS } from "./scope";

type Summary = {
  judgments: number;
  decisive: number;
  first_shown: number;
  excluded_annotators: number;
  excluded_judgments: number;
  gold_judgments: number;
};

/**
 * How many answers are analysed and how many left out, and the position bias: decisive
 * answers (a single best option) that picked the option shown first.
 */
export async function loadSummary(pool: pg.Pool, projectId: string, options: number) {
  const { rows } = await pool.query<Summary>(
    `WITH ${VALID_JUDGMENTS},
     analysed AS (
       SELECT count(*)::int AS judgments,
              count(*) FILTER (WHERE jsonb_array_length(ranking -> 0) = 1)::int AS decisive,
              count(*) FILTER (WHERE jsonb_array_length(ranking -> 0) = 1
                                 AND (ranking -> 0 ->> 0)::uuid = shown_order[1])::int AS first_shown
         FROM v
     ),
     left_out AS (
       SELECT count(DISTINCT j.annotator_id) FILTER (WHERE j.annotator_id IN (${EXCLUDED_ANNOTATORS}))::int
                AS excluded_annotators,
              count(*) FILTER (WHERE j.annotator_id IN (${EXCLUDED_ANNOTATORS}))::int AS excluded_judgments,
              count(*) FILTER (WHERE i.is_gold)::int AS gold_judgments
         FROM judgments j JOIN items i ON i.id = j.item_id
        WHERE j.project_id = $1 AND j.superseded_at IS NULL
          AND (i.is_gold OR j.annotator_id IN (${EXCLUDED_ANNOTATORS}))
     )
     SELECT * FROM analysed, left_out`,
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
  return {
    judgments: r.judgments,
    excluded: {
      annotators: r.excluded_annotators,
      judgments: r.excluded_judgments,
      goldJudgments: r.gold_judgments,
    },
    position,
  };
}

/** Mean aspect rating per model; ratings are stored by shown option key and mapped back through the shown order. */
export async function loadAspects(
  pool: pg.Pool,
  projectId: string,
): Promise<TProjectStats["biases"]["aspects"]> {
  const { rows } = await pool.query<{ aspect: string; model: string; mean: number; n: number }>(
    `WITH ${VALID_JUDGMENTS},
     ratings AS (
       SELECT v.shown_order[ascii(o.key) - 64] AS completion_id, r.key AS aspect, r.value::float8 AS value
         FROM v, jsonb_each(v.aspects) AS o(key, ratings), jsonb_each_text(o.ratings) AS r(key, value)
        WHERE v.aspects IS NOT NULL
     ),
     per_completion AS (
       SELECT completion_id, aspect, sum(value) AS total, count(*) AS n FROM ratings GROUP BY 1, 2
     )
     SELECT pc.aspect, COALESCE(g.name, c.model) AS model, (sum(pc.total) / sum(pc.n))::float8 AS mean,
            sum(pc.n)::int AS n
       FROM per_completion pc JOIN completions c ON c.id = pc.completion_id
       LEFT JOIN generators g ON g.id = c.generator_id
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [projectId],
  );
  return rows;
}
