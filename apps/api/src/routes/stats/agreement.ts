import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { kendallWFromSums } from "../../lib/analytics/kendall-w";
import { alphaFromCoincidences, type Coincidences } from "../../lib/analytics/krippendorff";
import { VALID_JUDGMENTS } from "./scope";

type Agreement = TProjectStats["agreement"];

// Votes in the item's canonical option order (upload order: A = position 0), so that
// annotators who were shown the options in different orders agree. Grouped before the
// join so that the lookup runs once per item and answer, not once per judgment.
const PAIRWISE_VOTES = `
  raw AS (
    SELECT item_id, CASE choice WHEN 'A' THEN shown_order[1] WHEN 'B' THEN shown_order[2] END AS winner,
           choice, strength, count(*) AS n
      FROM v WHERE choice IS NOT NULL
     GROUP BY 1, 2, 3, 4
  ),
  votes AS (
    SELECT r.item_id, r.n,
           CASE WHEN r.winner IS NULL THEN r.choice WHEN ic.position = 0 THEN 'A' ELSE 'B' END AS nominal,
           CASE WHEN r.choice = 'tie' THEN 0
                WHEN r.winner IS NULL THEN NULL
                ELSE (CASE WHEN ic.position = 0 THEN -1 ELSE 1 END) * COALESCE(r.strength, 1) END AS ordinal
      FROM raw r LEFT JOIN item_completions ic ON ic.item_id = r.item_id AND ic.completion_id = r.winner
  )`;

// Ranking projects: the nominal vote is the canonical position of the single best option.
const RANKING_VOTES = `
  raw AS (
    SELECT item_id, CASE WHEN jsonb_array_length(ranking -> 0) = 1 THEN (ranking -> 0 ->> 0)::uuid END AS winner,
           count(*) AS n
      FROM v WHERE ranking IS NOT NULL
     GROUP BY 1, 2
  ),
  votes AS (
    SELECT r.item_id, r.n, COALESCE(ic.position::text, 'tie') AS nominal, NULL::int AS ordinal
      FROM raw r LEFT JOIN item_completions ic ON ic.item_id = r.item_id AND ic.completion_id = r.winner
  )`;

/** Coincidence matrices (Krippendorff 2011) summed over items in SQL, per metric. */
const COINCIDENCES = `
  counts AS (
    SELECT 'nominal' AS metric, item_id, nominal AS value, sum(n)::float8 AS n FROM votes GROUP BY item_id, nominal
    UNION ALL
    SELECT 'ordinal', item_id, ordinal::text, sum(n)::float8 FROM votes WHERE ordinal IS NOT NULL GROUP BY item_id, ordinal
  ),
  units AS (SELECT metric, item_id, sum(n) AS m FROM counts GROUP BY metric, item_id HAVING sum(n) >= 2)
  SELECT 'o' AS kind, c.metric, c.value AS c, k.value AS k,
         sum(CASE WHEN c.value = k.value THEN c.n * (c.n - 1) ELSE c.n * k.n END / (u.m - 1)) AS x
    FROM counts c JOIN counts k ON k.metric = c.metric AND k.item_id = c.item_id
    JOIN units u ON u.metric = c.metric AND u.item_id = c.item_id
   GROUP BY c.metric, c.value, k.value
  UNION ALL
  SELECT 'items', u.metric, NULL, NULL, count(*) FROM units u GROUP BY u.metric
  UNION ALL
  SELECT 'agreeing_pairs', c.metric, NULL, NULL, sum(c.n * (c.n - 1) / 2)
    FROM counts c JOIN units u ON u.metric = c.metric AND u.item_id = c.item_id GROUP BY c.metric
  UNION ALL
  SELECT 'pairs', u.metric, NULL, NULL, sum(u.m * (u.m - 1) / 2) FROM units u GROUP BY u.metric`;

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

type CoincidenceRow = {
  kind: string;
  metric: "nominal" | "ordinal";
  c: string | null;
  k: string | null;
  x: number;
};

function alphaOf(rows: CoincidenceRow[], metric: "nominal" | "ordinal") {
  const cells = rows.filter((r) => r.kind === "o" && r.metric === metric);
  const parse = (s: string) => (metric === "ordinal" ? Number(s) : s);
  const values = [...new Set(cells.map((r) => r.c!))].map(parse).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const r of cells) o[index.get(parse(r.c!))!]![index.get(parse(r.k!))!] = Number(r.x);
  const coincidences: Coincidences = { values, o };
  const total = (kind: string) => Number(rows.find((r) => r.kind === kind && r.metric === metric)?.x ?? 0);
  return { value: alphaFromCoincidences(coincidences, metric), items: total("items") };
}

export async function loadAgreement(
  pool: pg.Pool,
  projectId: string,
  taskType: "PAIRWISE" | "RANKING",
): Promise<Agreement> {
  const ranking = taskType === "RANKING";
  const [coincidence, concordance] = await Promise.all([
    pool.query<CoincidenceRow>(
      `WITH ${VALID_JUDGMENTS}, ${ranking ? RANKING_VOTES : PAIRWISE_VOTES}, ${COINCIDENCES}`,
      [projectId],
    ),
    ranking
      ? pool.query<{ judges: number; objects: number; sum_rank_squares: number; sum_ties: number }>(
          `WITH ${VALID_JUDGMENTS}, ${CONCORDANCE}`,
          [projectId],
        )
      : null,
  ]);
  const rows = coincidence.rows;
  const total = (kind: string) => Number(rows.find((r) => r.kind === kind && r.metric === "nominal")?.x ?? 0);
  const pairs = total("pairs");
  const perItem = (concordance?.rows ?? [])
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
    alphaNominal: alphaOf(rows, "nominal"),
    alphaOrdinal: ranking ? null : alphaOf(rows, "ordinal"),
    kendallW: ranking
      ? {
          value: perItem.length ? perItem.reduce((s, w) => s + w, 0) / perItem.length : null,
          items: perItem.length,
        }
      : null,
  };
}
