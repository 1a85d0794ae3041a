import { eloScale, fitBradleyTerry } from "./bradley-terry";
import { quantileSorted, seededRandom } from "./random";
import { type Interval, wilsonInterval } from "./wilson";

/** The games between two models on one item (one judgment gives one game per model pair). */
export type ItemGames = { item: string; a: string; b: string; aWins: number; bWins: number; ties: number };

export type LeaderboardOptions = {
  /** Bootstrap rounds resampling items; 0 skips the intervals. */
  rounds?: number;
  seed?: number;
  /**
   * Virtual tied games added across all pairs, as a share of the real games. It keeps
   * strengths finite when a model won (or lost) everything; being proportional to the
   * data, duplicating every game leaves the fit unchanged.
   */
  priorShare?: number;
};

export type LeaderboardRow = {
  model: string;
  games: number;
  wins: number;
  ties: number;
  losses: number;
  /** (wins + ties / 2) / games, with its Wilson 95 % interval. */
  winRate: number;
  winRateCi: Interval;
  rating: number;
  ratingCi: Interval | null;
};

export type Leaderboard = {
  rows: LeaderboardRow[];
  /** rates[i][j]: share of games model i won against model j (ties half); null when they never met. */
  matrix: { models: string[]; rates: (number | null)[][]; games: number[][] };
  items: number;
};

export const DEFAULT_ROUNDS = 200;
export const DEFAULT_SEED = 20240611;

/** Flat per-item entries (CSR) so that a bootstrap round only adds numbers. */
type Packed = { start: Int32Array; i: Int32Array; j: Int32Array; wij: Float64Array; wji: Float64Array };

function pack(games: ItemGames[], index: Map<string, number>): Packed {
  const byItem = new Map<string, ItemGames[]>();
  for (const g of games) {
    const list = byItem.get(g.item);
    if (list) list.push(g);
    else byItem.set(g.item, [g]);
  }
  const start = new Int32Array(byItem.size + 1);
  const i = new Int32Array(games.length);
  const j = new Int32Array(games.length);
  const wij = new Float64Array(games.length);
  const wji = new Float64Array(games.length);
  let e = 0;
  let u = 0;
  for (const list of byItem.values()) {
    start[u++] = e;
    for (const g of list) {
      i[e] = index.get(g.a)!;
      j[e] = index.get(g.b)!;
      wij[e] = g.aWins + g.ties / 2;
      wji[e] = g.bWins + g.ties / 2;
      e += 1;
    }
  }
  start[u] = e;
  return { start, i, j, wij, wji };
}

function ratingsOf(wins: number[][], priorShare: number): number[] {
  const size = wins.length;
  let total = 0;
  for (const row of wins) for (const w of row) total += w;
  const prior = size > 1 ? (priorShare * total) / ((size * (size - 1)) / 2) : 0;
  const withPrior = wins.map((row, i) => row.map((w, j) => (i === j ? 0 : w + prior / 2)));
  return fitBradleyTerry(withPrior).theta.map(eloScale);
}

function addItem(wins: number[][], p: Packed, u: number, weight = 1) {
  for (let e = p.start[u]!; e < p.start[u + 1]!; e++) {
    wins[p.i[e]!]![p.j[e]!]! += weight * p.wij[e]!;
    wins[p.j[e]!]![p.i[e]!]! += weight * p.wji[e]!;
  }
}

export function buildLeaderboard(games: ItemGames[], opts: LeaderboardOptions = {}): Leaderboard {
  const rounds = opts.rounds ?? DEFAULT_ROUNDS;
  const priorShare = opts.priorShare ?? 0.001;
  const played = games.filter((g) => g.a !== g.b && g.aWins + g.bWins + g.ties > 0);
  const models = [...new Set(played.flatMap((g) => [g.a, g.b]))].sort();
  const index = new Map(models.map((m, k) => [m, k]));
  const size = models.length;
  const zero = () => models.map(() => new Array<number>(size).fill(0));
  const beat = zero();
  const tied = zero();
  for (const g of played) {
    const a = index.get(g.a)!;
    const b = index.get(g.b)!;
    beat[a]![b]! += g.aWins;
    beat[b]![a]! += g.bWins;
    tied[a]![b]! += g.ties;
    tied[b]![a]! += g.ties;
  }
  const packed = pack(played, index);
  const itemCount = packed.start.length - 1;
  const wins = zero();
  for (let u = 0; u < itemCount; u++) addItem(wins, packed, u);
  const ratings = ratingsOf(wins, priorShare);

  const samples: number[][] = models.map(() => []);
  const random = seededRandom(opts.seed ?? DEFAULT_SEED);
  for (let r = 0; r < rounds && itemCount > 0; r++) {
    const resampled = zero();
    for (let n = 0; n < itemCount; n++) addItem(resampled, packed, Math.floor(random() * itemCount));
    ratingsOf(resampled, priorShare).forEach((x, k) => {
      samples[k]!.push(x);
    });
  }

  const rows = models.map((model, k): LeaderboardRow => {
    const w = beat[k]!.reduce((s, x) => s + x, 0);
    const t = tied[k]!.reduce((s, x) => s + x, 0);
    const l = beat.reduce((s, row) => s + row[k]!, 0);
    const n = w + t + l;
    const sorted = samples[k]!.sort((x, y) => x - y);
    return {
      model,
      games: n,
      wins: w,
      ties: t,
      losses: l,
      winRate: (w + t / 2) / n,
      winRateCi: wilsonInterval(w + t / 2, n)!,
      rating: ratings[k]!,
      ratingCi: sorted.length
        ? { low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) }
        : null,
    };
  });
  rows.sort((x, y) => y.rating - x.rating || (x.model < y.model ? -1 : 1));
  const order = rows.map((r) => index.get(r.model)!);
  const gamesBetween = (a: number, b: number) => beat[a]![b]! + beat[b]![a]! + tied[a]![b]!;
  return {
    rows,
    matrix: {
      models: rows.map((r) => r.model),
      rates: order.map((a) =>
        order.map((b) => {
          const n = a === b ? 0 : gamesBetween(a, b);
          return n ? (beat[a]![b]! + tied[a]![b]! / 2) / n : null;
        }),
      ),
      games: order.map((a) => order.map((b) => (a === b ? 0 : gamesBetween(a, b)))),
    },
    items: itemCount,
  };
}
