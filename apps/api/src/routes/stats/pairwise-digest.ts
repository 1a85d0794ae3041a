import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { alphaFromCoincidences, coincidencesFromCounts, type Value } from "../../lib/analytics/krippendorff";
import { wilsonInterval } from "../../lib/analytics/wilson";
import { withTransaction } from "../../lib/sql";
import { fromGameRows, type GameRow } from "./games";
import { VALID_JUDGMENTS } from "./scope";

/**
 * What a pairwise project's agreement, leaderboard and biases need, in one pass over its
 * judgments: per item the answers counted by winner (lo/hi = completion with the
 * smaller/greater id), strength and shown position. Only one row per item leaves the
 * database, as compact JSON arrays. Aspect ratings are a separate query that runs beside
 * this one: folded in, `v` is referenced twice and Postgres materialises it, which was
 * slower than reading the judgments twice in parallel.
 */
const DIGEST = `
  WITH ${VALID_JUDGMENTS},
  answers AS (
    SELECT item_id, least(shown_order[1], shown_order[2]) AS lo, greatest(shown_order[1], shown_order[2]) AS hi,
           CASE choice WHEN 'A' THEN shown_order[1] WHEN 'B' THEN shown_order[2] END AS winner,
           choice, COALESCE(strength, 1) AS strength
      FROM v WHERE choice IS NOT NULL
  ),
  per_item AS (
    SELECT item_id, lo, hi,
           count(*) FILTER (WHERE winner = lo AND strength = 1) AS lo1,
           count(*) FILTER (WHERE winner = lo AND strength = 2) AS lo2,
           count(*) FILTER (WHERE winner = lo AND strength = 3) AS lo3,
           count(*) FILTER (WHERE winner = lo AND strength = 4) AS lo4,
           count(*) FILTER (WHERE winner = hi AND strength = 1) AS hi1,
           count(*) FILTER (WHERE winner = hi AND strength = 2) AS hi2,
           count(*) FILTER (WHERE winner = hi AND strength = 3) AS hi3,
           count(*) FILTER (WHERE winner = hi AND strength = 4) AS hi4,
           count(*) FILTER (WHERE choice = 'tie') AS ties,
           count(*) FILTER (WHERE choice = 'both_bad') AS both_bad,
           count(*) FILTER (WHERE choice = 'A') AS first_shown
      FROM answers GROUP BY item_id, lo, hi
  )
  SELECT
    (SELECT COALESCE(json_agg(json_build_array(
              p.item_id, ic.completion_id = p.lo, p.lo1, p.lo2, p.lo3, p.lo4, p.hi1, p.hi2, p.hi3, p.hi4,
              p.ties, p.both_bad, p.first_shown,
              COALESCE(gl.name, cl.model), octet_length(cl.text), COALESCE(gh.name, ch.model), octet_length(ch.text))),
              '[]')
       FROM per_item p
       JOIN item_completions ic ON ic.item_id = p.item_id AND ic.position = 0
       JOIN completions cl ON cl.id = p.lo LEFT JOIN generators gl ON gl.id = cl.generator_id
       JOIN completions ch ON ch.id = p.hi LEFT JOIN generators gh ON gh.id = ch.generator_id) AS items`;

type ItemTuple = [
  string,
  boolean,
  ...[number, number, number, number, number, number, number, number, number, number, number],
  string,
  number,
  string,
  number,
];

export async function loadPairwiseDigest(pool: pg.Pool, projectId: string) {
  // The per-item aggregation of 100k answers spills to disk at the default 4 MB work_mem.
  const { rows } = await withTransaction(pool, async (client) => {
    await client.query("SET LOCAL work_mem = '64MB'");
    return client.query<{ items: ItemTuple[]; aspects: TProjectStats["biases"]["aspects"] }>(DIGEST, [
      projectId,
    ]);
  });
  const { items } = rows[0]!;
  const nominal: Map<Value, number>[] = [];
  const ordinal: Map<Value, number>[] = [];
  const games: GameRow[] = [];
  let judgments = 0;
  let agreeingPairs = 0;
  let pairs = 0;
  let decisive = 0;
  let firstShown = 0;
  for (const t of items) {
    const [itemId, loIsA, lo1, lo2, lo3, lo4, hi1, hi2, hi3, hi4, ties, bothBad, first] = t;
    const loWins = lo1 + lo2 + lo3 + lo4;
    const hiWins = hi1 + hi2 + hi3 + hi4;
    const m = loWins + hiWins + ties + bothBad;
    judgments += m;
    decisive += loWins + hiWins;
    firstShown += first;
    // Canonical axis: the first uploaded option (A) strong = -4 .. B strong = +4, tie = 0.
    const sign = loIsA ? -1 : 1;
    const unitNominal = new Map<Value, number>(
      (
        [
          [loIsA ? "A" : "B", loWins],
          [loIsA ? "B" : "A", hiWins],
          ["tie", ties],
          ["both_bad", bothBad],
        ] as [Value, number][]
      ).filter(([, n]) => n > 0),
    );
    const unitOrdinal = new Map<Value, number>(
      (
        [
          [sign * 1, lo1],
          [sign * 2, lo2],
          [sign * 3, lo3],
          [sign * 4, lo4],
          [-sign * 1, hi1],
          [-sign * 2, hi2],
          [-sign * 3, hi3],
          [-sign * 4, hi4],
          [0, ties],
        ] as [Value, number][]
      ).filter(([, n]) => n > 0),
    );
    nominal.push(unitNominal);
    ordinal.push(unitOrdinal);
    if (m >= 2) {
      pairs += (m * (m - 1)) / 2;
      for (const n of unitNominal.values()) agreeingPairs += (n * (n - 1)) / 2;
    }
    games.push({
      item_id: itemId,
      lo_wins: loWins,
      hi_wins: hiWins,
      ties: ties + bothBad,
      lo_model: t[13],
      lo_length: t[14],
      hi_model: t[15],
      hi_length: t[16],
    });
  }
  const itemsWith = (units: Map<Value, number>[]) =>
    units.filter((u) => [...u.values()].reduce((s, n) => s + n, 0) >= 2).length;
  const agreement: TProjectStats["agreement"] = {
    rawPairwise: { value: pairs ? agreeingPairs / pairs : null, items: itemsWith(nominal), pairs },
    alphaNominal: {
      value: alphaFromCoincidences(coincidencesFromCounts(nominal), "nominal"),
      items: itemsWith(nominal),
    },
    alphaOrdinal: {
      value: alphaFromCoincidences(coincidencesFromCounts(ordinal), "ordinal"),
      items: itemsWith(ordinal),
    },
    kendallW: null,
  };
  const position: TProjectStats["biases"]["position"] = {
    hits: firstShown,
    of: decisive,
    share: decisive ? firstShown / decisive : null,
    ci: wilsonInterval(firstShown, decisive),
    expected: 0.5,
  };
  return { judgments, agreement, position, ...fromGameRows(games) };
}
