import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { kendallWFromSums } from "../../lib/analytics/kendall-w";
import { alphaFromCoincidences } from "../../lib/analytics/krippendorff";
import { VALID_JUDGMENTS } from "./scope";
import { statsQuery } from "./statement";

type Agreement = TProjectStats["agreement"];

// Ranking projects: the nominal vote is the canonical position of the single best option.
const RANKING_VOTES = `
  raw AS (
    SELECT item_id, CASE WHEN jsonb_array_length(ranking -> 0) = 1 THEN (ranking -> 0 ->> 0)::uuid END AS winner,
           count(*) AS n
      FROM v WHERE ranking IS NOT NULL
     GROUP BY 1, 2
  ),
  votes AS (
    SELECT r.item_id, r.n, COALESCE(ic.position::text, 'tie') AS nominal
      FROM raw r LEFT JOIN item_completions ic ON ic.item_id = r.item_id AND ic.completion_id = r.winner
  )`;

/** The coincidence matrix (Krippendorff 2011) summed over items in SQL, and the pair counts. */
const COINCIDENCES = `
  counts AS (SELECT item_id, nominal AS value, sum(n)::float8 AS n FROM votes GROUP BY item_id, nominal),
  units AS (SELECT item_id, sum(n) AS m FROM counts GROUP BY item_id HAVING sum(n) >= 2)
  SELECT 'o' AS kind, c.value AS c, k.value AS k,
         sum(CASE WHEN c.value = k.value THEN c.n * (c.n - 1) ELSE c.n * k.n END / (u.m - 1)) AS x
    FROM counts c JOIN counts k ON k.item_id = c.item_id JOIN units u ON u.item_id = c.item_id
   GROUP BY c.value, k.value
  UNION ALL
  SELECT 'items', NULL, NULL, count(*) FROM units
  UNION ALL
  SELECT 'agreeing_pairs', NULL, NULL, sum(c.n * (c.n - 1) / 2) FROM counts c JOIN units u ON u.item_id = c.item_id
  UNION ALL
  SELECT 'pairs', NULL, NULL, sum(m * (m - 1) / 2) FROM units`;

// Midranks per judgment (ties share the mean rank of their group), then per item the
// sums Kendall's W needs.
const CONCORDANCE = `
  groups AS (
    SELECT v.id, v.item_id, g.grp, jsonb_array_length(g.grp) AS size,
           sum(jsonb_array_length(g.grp)) OVER (PARTITION BY v.id ORDER BY g.ord) - jsonb_array_length(g.grp) AS before
      FROM v, jsonb_array_elements(v.ranking) WITH ORDINALITY AS g(grp, ord)
     WHERE v.ranking IS NOT NULL
  ),
  ranks AS (
    SELECT item_id, e.cid, sum(before + (size + 1) / 2.0) AS total
      FROM groups, jsonb_array_elements_text(grp) AS e(cid)
     GROUP BY item_id, e.cid
  ),
  ties AS (
    SELECT item_id, count(DISTINCT id)::int AS judges, sum(size ^ 3 - size)::float8 AS sum_ties
      FROM groups GROUP BY item_id
  )
  SELECT t.judges, count(*)::int AS objects, sum(r.total ^ 2)::float8 AS sum_rank_squares, t.sum_ties
    FROM ranks r JOIN ties t USING (item_id)
   WHERE t.judges >= 2
   GROUP BY r.item_id, t.judges, t.sum_ties`;

type CoincidenceRow = { kind: string; c: string | null; k: string | null; x: number };

/** Ranking projects: agreement on the single best option, and Kendall's W per item. */
export async function loadRankingAgreement(pool: pg.Pool, projectId: string): Promise<Agreement> {
  const [coincidence, concordance] = await Promise.all([
    statsQuery<CoincidenceRow>(pool, `WITH ${VALID_JUDGMENTS}, ${RANKING_VOTES}, ${COINCIDENCES}`, [
      projectId,
    ]),
    statsQuery<{ judges: number; objects: number; sum_rank_squares: number; sum_ties: number }>(
      pool,
      `WITH ${VALID_JUDGMENTS}, ${CONCORDANCE}`,
      [projectId],
    ),
  ]);
  const rows = coincidence.rows;
  const total = (kind: string) => Number(rows.find((r) => r.kind === kind)?.x ?? 0);
  const cells = rows.filter((r) => r.kind === "o");
  const values = [...new Set(cells.map((r) => r.c!))].sort();
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const r of cells) o[index.get(r.c!)!]![index.get(r.k!)!] = Number(r.x);
  const pairs = total("pairs");
  const perItem = concordance.rows
    .map((r) =>
      kendallWFromSums({
        judges: r.judges,
        objects: r.objects,
        sumRankSquares: r.sum_rank_squares,
        sumTies: r.sum_ties,
      }),
    )
    .filter((w): w is number => w !== null);
  return {
    rawPairwise: { value: pairs ? total("agreeing_pairs") / pairs : null, items: total("items"), pairs },
    alphaNominal: { value: alphaFromCoincidences({ values, o }, "nominal"), items: total("items") },
    alphaOrdinal: null,
    kendallW: {
      value: perItem.length ? perItem.reduce((s, w) => s + w, 0) / perItem.length : null,
      items: perItem.length,
    },
  };
}
