import type { TProjectStats } from "@arbiter/shared";
import { alphaFromCoincidences, coincidencesFromCounts, type Value } from "../../lib/analytics/krippendorff";
import type { GamePattern } from "../../lib/analytics/leaderboard";
import { wilsonInterval } from "../../lib/analytics/wilson";
import { leaderboardOf, lengthTally } from "./games";
import type { SideClass } from "./item-sides";

/**
 * Items of a pairwise project grouped twice over: `patterns` are the distinct answers an
 * item got (lo wins at strength 1..4, hi wins at strength 1..4, ties, both bad), and
 * `items` counts the items of each side class and pattern, keyed class * patterns.length
 * + pattern. With a few answers per item there are a few hundred patterns among 33k
 * items, and each statistic is computed once per pattern (and class where it matters).
 */
export type ItemGroups = { classes: SideClass[]; patterns: number[][]; items: Map<number, number> };

/** Per side class, its items' rating sums: per aspect the lo side's sum and count, then the hi side's. */
export type ClassRatings = { side: SideClass; sums: Float64Array };

const LO = 0;
const HI = 4;
const TIES = 8;
const BOTH_BAD = 9;

/** Items grouped by a key, each group with its first item's value and how many items share it. */
class Tally<T> {
  readonly groups = new Map<string, { value: T; items: number }>();
  add(key: string, items: number, make: () => T) {
    const g = this.groups.get(key);
    if (g) g.items += items;
    else this.groups.set(key, { value: make(), items });
  }
}

/** An item's answers as coincidence units on the canonical axes (first uploaded option = A). */
function units(c: number[], loIsA: boolean) {
  const n = (k: number) => c[k]!;
  const loWins = n(LO) + n(LO + 1) + n(LO + 2) + n(LO + 3);
  const hiWins = n(HI) + n(HI + 1) + n(HI + 2) + n(HI + 3);
  const nonZero = (entries: [Value, number][]) => new Map(entries.filter(([, x]) => x > 0));
  // Ordinal: A strong = -4 .. tie = 0 .. B strong = +4; "both bad" is off that axis.
  const sign = loIsA ? -1 : 1;
  return {
    nominal: nonZero([
      [loIsA ? "A" : "B", loWins],
      [loIsA ? "B" : "A", hiWins],
      ["tie", n(TIES)],
      ["both_bad", n(BOTH_BAD)],
    ]),
    ordinal: nonZero([
      ...[1, 2, 3, 4].map((s): [Value, number] => [sign * s, n(LO + s - 1)]),
      ...[1, 2, 3, 4].map((s): [Value, number] => [-sign * s, n(HI + s - 1)]),
      [0, n(TIES)],
    ]),
  };
}

function agreementOf(patterns: Tally<ReturnType<typeof units>>): TProjectStats["agreement"] {
  const groups = [...patterns.groups.values()];
  const weights = groups.map((g) => g.items);
  const size = (unit: Map<Value, number>) => [...unit.values()].reduce((s, x) => s + x, 0);
  let pairs = 0;
  let agreeingPairs = 0;
  let items = 0;
  // "Both bad" is off the ordinal axis, so fewer items may have two ordinal values.
  let ordinalItems = 0;
  for (const { value, items: w } of groups) {
    if (size(value.ordinal) >= 2) ordinalItems += w;
    const m = size(value.nominal);
    if (m < 2) continue;
    items += w;
    pairs += (w * (m * (m - 1))) / 2;
    for (const x of value.nominal.values()) agreeingPairs += (w * (x * (x - 1))) / 2;
  }
  const alpha = (pick: "nominal" | "ordinal") =>
    alphaFromCoincidences(
      coincidencesFromCounts(
        groups.map((g) => g.value[pick]),
        weights,
      ),
      pick,
    );
  return {
    rawPairwise: { value: pairs ? agreeingPairs / pairs : null, items, pairs },
    alphaNominal: { value: alpha("nominal"), items },
    alphaOrdinal: { value: alpha("ordinal"), items: ordinalItems },
    kendallW: null,
  };
}

/** Agreement, leaderboard and biases from items grouped by side class and answers. */
export function pairwiseMeasures(
  { classes, patterns, items }: ItemGroups,
  ratings: ClassRatings[],
  firstShown: number,
  nameOf: (c: SideClass["lo"]) => string,
  aspects: string[],
) {
  const wins = patterns.map((c) => ({
    lo: c[LO]! + c[LO + 1]! + c[LO + 2]! + c[LO + 3]!,
    hi: c[HI]! + c[HI + 1]! + c[HI + 2]! + c[HI + 3]!,
    ties: c[TIES]! + c[BOTH_BAD]!,
  }));
  // Items per pattern and orientation (is lo the first uploaded option), and per model
  // pair and pattern: numeric keys, as this loop runs once per class and pattern.
  const oriented = new Float64Array(2 * patterns.length);
  const pairs = new Map<string, number>();
  const pairOf = classes.map((side) => {
    const key = `${nameOf(side.lo)}\u0000${nameOf(side.hi)}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = pairs.size;
      pairs.set(key, pair);
    }
    return pair;
  });
  const played = new Map<number, number>();
  const lengths = lengthTally();
  let judgments = 0;
  let decisive = 0;
  for (const [key, n] of items) {
    const p = key % patterns.length;
    const side = classes[(key - p) / patterns.length]!;
    const w = wins[p]!;
    judgments += n * (w.lo + w.hi + w.ties);
    decisive += n * (w.lo + w.hi);
    oriented[2 * p + (side.loIsA ? 1 : 0)]! += n;
    const game = pairOf[(key - p) / patterns.length]! * patterns.length + p;
    played.set(game, (played.get(game) ?? 0) + n);
    lengths.add(side.loBucket, side.hiBucket, side.longer, w.lo, w.hi, w.ties, n);
  }
  const agreement = new Tally<ReturnType<typeof units>>();
  oriented.forEach((n, k) => {
    if (n > 0) agreement.add(String(k), n, () => units(patterns[k >> 1]!, (k & 1) === 1));
  });
  const names = [...pairs.keys()].map((key) => key.split("\u0000") as [string, string]);
  const games = new Tally<GamePattern["games"][number]>();
  for (const [key, n] of played) {
    const p = key % patterns.length;
    const [a, b] = names[(key - p) / patterns.length]!;
    const w = wins[p]!;
    games.add(`${a}\u0000${b}\u0000${w.lo},${w.hi},${w.ties}`, n, () => ({
      a,
      b,
      aWins: w.lo,
      bWins: w.hi,
      ties: w.ties,
    }));
  }
  // Sorted, so that the bootstrap draws in the same order whatever order the rows came in.
  const gamePatterns = [...games.groups.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, g]) => ({ games: [g.value], items: g.items }));
  const position: TProjectStats["biases"]["position"] = {
    hits: firstShown,
    of: decisive,
    share: decisive ? firstShown / decisive : null,
    ci: wilsonInterval(firstShown, decisive),
    expected: 0.5,
  };
  return {
    judgments,
    agreement: agreementOf(agreement),
    leaderboard: leaderboardOf(gamePatterns),
    position,
    ...lengths.result(),
    aspects: aspectMeans(ratings, nameOf, aspects),
  };
}

function aspectMeans(ratings: ClassRatings[], nameOf: (c: SideClass["lo"]) => string, aspects: string[]) {
  const byModel = new Map<string, { aspect: string; model: string; total: number; n: number }>();
  const rate = (aspect: string, model: string, total: number, n: number) => {
    if (n === 0) return;
    const key = `${aspect}\u0000${model}`;
    const r = byModel.get(key);
    if (r) {
      r.total += total;
      r.n += n;
    } else byModel.set(key, { aspect, model, total, n });
  };
  for (const { side, sums } of ratings) {
    aspects.forEach((aspect, k) => {
      rate(aspect, nameOf(side.lo), sums[4 * k]!, sums[4 * k + 1]!);
      rate(aspect, nameOf(side.hi), sums[4 * k + 2]!, sums[4 * k + 3]!);
    });
  }
  return [...byModel.values()]
    .map(({ aspect, model, total, n }) => ({ aspect, model, mean: total / n, n }))
    .sort((x, y) => (x.aspect === y.aspect ? (x.model < y.model ? -1 : 1) : x.aspect < y.aspect ? -1 : 1));
}
