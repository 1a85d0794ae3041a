import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import {
  DEFAULT_ROUNDS,
  DEFAULT_SEED,
  type Game,
  type GamePattern,
  leaderboardFromPatterns,
} from "../../lib/analytics/leaderboard";
import { wilsonInterval } from "../../lib/analytics/wilson";
import { VALID_JUDGMENTS } from "./scope";
import { statsQuery } from "./statement";

// Ranking answers give one game per pair of options: the better group wins, one group ties.
const RANKING_GAMES = `
  placed AS (
    SELECT v.id, v.item_id, e.cid::uuid AS cid, g.ord
      FROM v, jsonb_array_elements(v.ranking) WITH ORDINALITY AS g(grp, ord), jsonb_array_elements_text(g.grp) AS e(cid)
     WHERE v.ranking IS NOT NULL
  ),
  pairs AS (
    SELECT x.item_id, x.cid AS lo, y.cid AS hi,
           count(*) FILTER (WHERE x.ord < y.ord)::int AS lo_wins,
           count(*) FILTER (WHERE x.ord > y.ord)::int AS hi_wins,
           count(*) FILTER (WHERE x.ord = y.ord)::int AS ties
      FROM placed x JOIN placed y ON y.id = x.id AND x.cid < y.cid
     GROUP BY 1, 2, 3
  )`;

// A model is named by its generator when it has one (the same model with other sampling
// parameters is another contestant), else by the model name given at import.
// octet_length reads the stored size without decompressing long texts.
const WITH_MODELS = `
  SELECT p.item_id, p.lo_wins, p.hi_wins, p.ties,
         COALESCE(gl.name, cl.model) AS lo_model, octet_length(cl.text) AS lo_length,
         COALESCE(gh.name, ch.model) AS hi_model, octet_length(ch.text) AS hi_length
    FROM pairs p
    JOIN completions cl ON cl.id = p.lo LEFT JOIN generators gl ON gl.id = cl.generator_id
    JOIN completions ch ON ch.id = p.hi LEFT JOIN generators gh ON gh.id = ch.generator_id`;

export type GameRow = {
  item_id: string;
  lo_wins: number;
  hi_wins: number;
  ties: number;
  lo_model: string;
  lo_length: number;
  hi_model: string;
  hi_length: number;
};

const BUCKET_EDGES = [0, 250, 500, 1000, 2000, 4000];
export const bucketOf = (length: number) => BUCKET_EDGES.findLastIndex((edge) => length >= edge);

/**
 * Length biases summed over games between two completions (lo and hi), given by their
 * length buckets and the sign of lo length - hi length, for `items` items alike.
 */
export function lengthTally() {
  let longerWins = 0;
  let decisive = 0;
  const points = new Float64Array(BUCKET_EDGES.length);
  const played = new Float64Array(BUCKET_EDGES.length);
  return {
    add(
      loBucket: number,
      hiBucket: number,
      longer: number,
      loWins: number,
      hiWins: number,
      ties: number,
      items = 1,
    ) {
      if (longer !== 0) {
        decisive += items * (loWins + hiWins);
        longerWins += items * (longer > 0 ? loWins : hiWins);
      }
      points[loBucket]! += items * (loWins + ties / 2);
      played[loBucket]! += items * (loWins + hiWins + ties);
      points[hiBucket]! += items * (hiWins + ties / 2);
      played[hiBucket]! += items * (loWins + hiWins + ties);
    },
    result() {
      return {
        length: {
          hits: longerWins,
          of: decisive,
          share: decisive ? longerWins / decisive : null,
          ci: wilsonInterval(longerWins, decisive),
        },
        lengthBuckets: BUCKET_EDGES.flatMap((min, k) =>
          played[k]
            ? [
                {
                  min,
                  max: BUCKET_EDGES[k + 1] ?? null,
                  games: played[k]!,
                  winRate: points[k]! / played[k]!,
                  ci: wilsonInterval(points[k]!, played[k]!)!,
                },
              ]
            : [],
        ),
      };
    },
  };
}

/** The leaderboard part of the response, from games grouped into patterns. */
export function leaderboardOf(patterns: GamePattern[]): TProjectStats["leaderboard"] {
  const board = leaderboardFromPatterns(patterns, { rounds: DEFAULT_ROUNDS, seed: DEFAULT_SEED });
  return {
    items: board.items,
    bootstrapRounds: DEFAULT_ROUNDS,
    seed: DEFAULT_SEED,
    rows: board.rows,
    matrix: board.matrix,
  };
}

/** Ranking projects: games per item and pair of options (lo/hi = the completion with the smaller/greater id). */
export async function loadRankingGames(pool: pg.Pool, projectId: string) {
  const { rows } = await statsQuery<GameRow>(
    pool,
    `WITH ${VALID_JUDGMENTS}, ${RANKING_GAMES} ${WITH_MODELS}`,
    [projectId],
  );
  return fromGameRows(rows);
}

/** Leaderboard and length biases from games per item and completion pair. */
export function fromGameRows(rows: GameRow[]) {
  const byItem = new Map<string, Game[]>();
  const tally = lengthTally();
  for (const r of rows) {
    const game = { a: r.lo_model, b: r.hi_model, aWins: r.lo_wins, bWins: r.hi_wins, ties: r.ties };
    const list = byItem.get(r.item_id);
    if (list) list.push(game);
    else byItem.set(r.item_id, [game]);
    const longer = Math.sign(r.lo_length - r.hi_length);
    tally.add(bucketOf(r.lo_length), bucketOf(r.hi_length), longer, r.lo_wins, r.hi_wins, r.ties);
  }
  const patterns = [...byItem.values()].map((games) => ({ games, items: 1 }));
  return { leaderboard: leaderboardOf(patterns), ...tally.result() };
}
