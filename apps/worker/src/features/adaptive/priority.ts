import {
  bradleyTerryCovariance,
  expectedConfidenceGain,
  fitBradleyTerry,
  pairInformationGain,
  type TPairwiseAggregation,
} from "@arbiter/aggregation";
import type { TLoadedProject, TSelection } from "./load";

/** The strategy's gains are scaled so the item that gains most gets this many points. */
export const GAIN_POINTS = 1_000_000;
/**
 * The age term: an item earns the whole gain range per hour it waits without an answer, so
 * an item passed over for an hour leads any fresh item and none starves.
 */
export const AGE_POINTS_PER_SECOND = GAIN_POINTS / 3_600;
// items.priority is an int4; an item left waiting for months stays inside it.
const MAX_PRIORITY = 2_000_000_000;

// Virtual tied games, as a share of the real ones, as the API's leaderboard adds them: they
// keep strengths finite (and the covariance defined) when a model won or lost everything.
const VIRTUAL_TIE_SHARE = 0.001;

/** Lease priority per item (input order) for the project's selection rule. */
export function priorities(
  selection: TSelection,
  loaded: TLoadedProject,
  fit: TPairwiseAggregation,
): number[] {
  if (selection === "uniform") return loaded.items.map(() => 0);
  const gains =
    selection === "leaderboard"
      ? leaderboardGains(loaded, fit)
      : fit.items.map((item) => expectedConfidenceGain(item.posterior, fit.poolConfusion));
  const best = Math.max(0, ...gains);
  return loaded.items.map((item, k) => {
    const gain = best > 0 ? (gains[k]! / best) * GAIN_POINTS : 0;
    return Math.min(MAX_PRIORITY, Math.round(gain + item.waitedSeconds * AGE_POINTS_PER_SECOND));
  });
}

/**
 * Per item, how much one more comparison of its two models would sharpen the leaderboard
 * (Bradley–Terry fitted to the consensus labels: each item's posterior counts as one game
 * split between its models, so a doubtful item counts as half a tie).
 */
function leaderboardGains(loaded: TLoadedProject, fit: TPairwiseAggregation): number[] {
  const index = new Map<string, number>();
  const modelOf = (name: string) => {
    if (!index.has(name)) index.set(name, index.size);
    return index.get(name)!;
  };
  const pairs = loaded.items.map((item) => item.contestants.map(modelOf) as [number, number]);
  const size = index.size;
  if (size < 2) return loaded.items.map(() => 0);
  const wins = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const first = fit.classes.indexOf("first");
  const second = fit.classes.indexOf("second");
  let games = 0;
  fit.items.forEach((estimate, k) => {
    const [a, b] = pairs[k]!;
    if (a === b || estimate.judgments === 0) return;
    const pa = estimate.posterior[first]!;
    const pb = estimate.posterior[second]!;
    const rest = (1 - pa - pb) / 2;
    wins[a]![b]! += pa + rest;
    wins[b]![a]! += pb + rest;
    games += 1;
  });
  const virtual = (VIRTUAL_TIE_SHARE * Math.max(games, 1)) / ((size * (size - 1)) / 2) / 2;
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (i !== j) wins[i]![j]! += virtual;
  const { theta } = fitBradleyTerry(wins);
  const covariance = bradleyTerryCovariance(wins, theta);
  if (!covariance) return loaded.items.map(() => 0);
  const cache = new Map<string, number>();
  return pairs.map(([a, b]) => {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (!cache.has(key)) cache.set(key, pairInformationGain({ theta, covariance }, a, b));
    return cache.get(key)!;
  });
}
