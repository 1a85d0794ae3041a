import { eloScale, fitBradleyTerry, seededRandom } from "@arbiter/aggregation";
import { poisson, quantileSorted } from "./random";
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

/** Games between two models, without the item they were played on. */
export type Game = Omit<ItemGames, "item">;

/**
 * Items that played the same games: `items` of them, each with these `games`. The
 * analytics service aggregates per item in SQL and hands over one pattern per distinct
 * item, so that 100k judgments reach this function as a few hundred patterns.
 */
export type GamePattern = { games: Game[]; items: number };

/**
 * Patterns packed by their games: patterns with identical games (as the fit sees them)
 * share one signature, whose games a bootstrap round adds once, weighted by how often
 * its items were drawn.
 */
type Packed = {
  frequency: Float64Array;
  entries: { i: number; j: number; wij: number; wji: number }[][];
};

function pack(patterns: GamePattern[], index: Map<string, number>): Packed {
  const signatures = new Map<string, number>();
  const entries: Packed["entries"] = [];
  const frequencies: number[] = [];
  for (const { games, items } of patterns) {
    const list = games.map((g) => ({
      i: index.get(g.a)!,
      j: index.get(g.b)!,
      wij: g.aWins + g.ties / 2,
      wji: g.bWins + g.ties / 2,
    }));
    const key = list.map((e) => `${e.i},${e.j},${e.wij},${e.wji}`).join(";");
    let s = signatures.get(key);
    if (s === undefined) {
      s = entries.length;
      signatures.set(key, s);
      entries.push(list);
      frequencies.push(0);
    }
    frequencies[s]! += items;
  }
  return { frequency: Float64Array.from(frequencies), entries };
}

function winsOf(p: Packed, counts: ArrayLike<number>, size: number): number[][] {
  const wins = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  p.entries.forEach((list, s) => {
    const n = counts[s]!;
    if (!n) return;
    for (const e of list) {
      wins[e.i]![e.j]! += n * e.wij;
      wins[e.j]![e.i]! += n * e.wji;
    }
  });
  return wins;
}

function ratingsOf(wins: number[][], priorShare: number): number[] {
  const size = wins.length;
  let total = 0;
  for (const row of wins) for (const w of row) total += w;
  const prior = size > 1 ? (priorShare * total) / ((size * (size - 1)) / 2) : 0;
  const withPrior = wins.map((row, i) => row.map((w, j) => (i === j ? 0 : w + prior / 2)));
  return fitBradleyTerry(withPrior).theta.map(eloScale);
}

/** The leaderboard from games given per item (an item's games are resampled together). */
export function buildLeaderboard(games: ItemGames[], opts: LeaderboardOptions = {}): Leaderboard {
  const byItem = new Map<string, Game[]>();
  for (const { item, ...game } of games) {
    const list = byItem.get(item);
    if (list) list.push(game);
    else byItem.set(item, [game]);
  }
  return leaderboardFromPatterns(
    [...byItem.values()].map((list) => ({ games: list, items: 1 })),
    opts,
  );
}

/** The same from items grouped by identical games; the result equals buildLeaderboard's on the items. */
export function leaderboardFromPatterns(patterns: GamePattern[], opts: LeaderboardOptions = {}): Leaderboard {
  const rounds = opts.rounds ?? DEFAULT_ROUNDS;
  const priorShare = opts.priorShare ?? 0.001;
  const played = patterns
    .map((p) => ({
      games: p.games.filter((g) => g.a !== g.b && g.aWins + g.bWins + g.ties > 0),
      items: p.items,
    }))
    .filter((p) => p.games.length > 0 && p.items > 0);
  const models = [...new Set(played.flatMap((p) => p.games.flatMap((g) => [g.a, g.b])))].sort();
  const index = new Map(models.map((m, k) => [m, k]));
  const size = models.length;
  const zero = () => models.map(() => new Array<number>(size).fill(0));
  const beat = zero();
  const tied = zero();
  let itemCount = 0;
  for (const { games, items } of played) {
    itemCount += items;
    for (const g of games) {
      const a = index.get(g.a)!;
      const b = index.get(g.b)!;
      beat[a]![b]! += items * g.aWins;
      beat[b]![a]! += items * g.bWins;
      tied[a]![b]! += items * g.ties;
      tied[b]![a]! += items * g.ties;
    }
  }
  const packed = pack(played, index);
  const frequency = packed.frequency;
  const ratings = ratingsOf(winsOf(packed, frequency, size), priorShare);

  const samples: number[][] = models.map(() => []);
  const random = seededRandom(opts.seed ?? DEFAULT_SEED);
  for (let r = 0; r < rounds && itemCount > 0; r++) {
    // Poisson bootstrap: every item is drawn Poisson(1) times instead of exactly n draws
    // in all; the large-sample equivalent of resampling items with replacement (Hanley &
    // MacGibbon 2006), and a signature's f items together are one Poisson(f) draw, so a
    // round costs one draw per signature instead of one per item.
    const counts = new Float64Array(packed.entries.length);
    for (let s = 0; s < counts.length; s++) counts[s] = poisson(frequency[s]!, random);
    ratingsOf(winsOf(packed, counts, size), priorShare).forEach((x, k) => {
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
