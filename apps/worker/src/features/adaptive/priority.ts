import {
  bradleyTerryCovariance,
  expectedConfidenceGain,
  fitBradleyTerry,
  planComparisons,
  type TPairwiseAggregation,
  type TRankingAggregation,
} from "@arbiter/aggregation";
import type { TLoadedProject, TLoadedRankingProject, TSelection } from "./load";

/**
 * Points per unit of gain. Gains are absolute (a rise in confidence; a share of the plan), not
 * relative to the project's best item, so one item's change does not move every other one.
 */
export const GAIN_POINTS = 10_000;
/**
 * The age term: an item earns the whole gain range per hour it waits without an answer, so
 * an item passed over for an hour leads any fresh item and none starves.
 */
export const AGE_POINTS_PER_SECOND = GAIN_POINTS / 3_600;
// items.priority is an int4: at this rate it holds some twenty years of a project's life.
const PRIORITY_LIMIT = 2_000_000_000;

// Virtual tied games, as a share of the real ones, as the API's leaderboard adds them: they
// keep strengths finite (and the covariance defined) when a model won or lost everything.
const VIRTUAL_TIE_SHARE = 0.001;
// Answers the leaderboard rule plans ahead per refit: more than a crowd gives between refits.
const PLAN_STEPS = 2_000;

/**
 * What the selection rules need of one item, whatever its task type: how long it waited, how
 * much one more answer would raise its leading answer's confidence, and the model
 * comparisons it holds under the current fit.
 */
export type TItemOutlook = {
  waitedSeconds: number;
  activeSeconds: number;
  slots: number;
  labelGain: number;
  /** Who wrote each side, and the posterior that each side is the better (the rest: tie or both bad). */
  games: { a: string; b: string; pa: number; pb: number }[];
  judged: boolean;
};

/** A pairwise item's outlook: its one comparison, the exact expected confidence gain. */
export function pairwiseOutlooks(loaded: TLoadedProject, fit: TPairwiseAggregation): TItemOutlook[] {
  const first = fit.classes.indexOf("first");
  const second = fit.classes.indexOf("second");
  return fit.items.map((estimate, k) => {
    const item = loaded.items[k]!;
    return {
      waitedSeconds: item.waitedSeconds,
      activeSeconds: item.activeSeconds,
      slots: item.slots,
      labelGain: expectedConfidenceGain(estimate.posterior, fit.poolConfusion),
      games: [
        {
          a: item.contestants[0],
          b: item.contestants[1],
          pa: estimate.posterior[first]!,
          pb: estimate.posterior[second]!,
        },
      ],
      judged: estimate.judgments > 0,
    };
  });
}

/**
 * A ranking item's outlook: every pair of its completions is a comparison; the label gain is
 * that of its weakest adjacent link (the pair its confidence is), one more ranking being one
 * more answer about that pair.
 */
export function rankingOutlooks(loaded: TLoadedRankingProject, fit: TRankingAggregation): TItemOutlook[] {
  return fit.items.map((estimate, k) => {
    const item = loaded.items[k]!;
    const modelOf = new Map(item.completions.map((c, x) => [c, item.contestants[x]!]));
    let weakest = estimate.pairs[0];
    for (let r = 0; r + 1 < estimate.order.length; r++) {
      const link = estimate.pairs.find(
        (p) => p.better === estimate.order[r] && p.worse === estimate.order[r + 1],
      )!;
      if (!weakest || link.probability + link.tie < weakest.probability + weakest.tie) weakest = link;
    }
    const posterior = (p: { probability: number; tie: number }) => [
      p.probability,
      1 - p.probability - p.tie,
      p.tie,
    ];
    return {
      waitedSeconds: item.waitedSeconds,
      activeSeconds: item.activeSeconds,
      slots: item.slots,
      labelGain: weakest ? expectedConfidenceGain(posterior(weakest), fit.poolConfusion) : 0,
      games: estimate.pairs.map((p) => ({
        a: modelOf.get(p.better)!,
        b: modelOf.get(p.worse)!,
        pa: p.probability,
        pb: 1 - p.probability - p.tie,
      })),
      judged: estimate.judgments > 0,
    };
  });
}

/**
 * Lease priority per item (input order) for the project's selection rule: its gain, plus
 * AGE_POINTS_PER_SECOND for every second it has waited. The age term is stored as minus the
 * rate times the item's last activity (seconds since the project's creation): the lease
 * orders by priority, and this orders items exactly as gain plus time waited would, while an
 * item nobody answers keeps the same value from one refit to the next, so a refit rewrites
 * only the items whose gain moved.
 */
export function priorities(selection: TSelection, outlooks: TItemOutlook[]): number[] {
  if (selection === "uniform") return outlooks.map(() => 0);
  const gains = selection === "leaderboard" ? leaderboardGains(outlooks) : outlooks.map((o) => o.labelGain);
  return outlooks.map((item, k) => {
    const priority = Math.round(gains[k]! * GAIN_POINTS - item.activeSeconds * AGE_POINTS_PER_SECOND);
    return Math.max(-PRIORITY_LIMIT, Math.min(PRIORITY_LIMIT, priority));
  });
}

/**
 * Per item, how soon the leaderboard wants its next answer. Bradley–Terry is fitted to the
 * consensus (each comparison's posterior counts as one game split between its models, so a
 * doubtful one counts as half a tie); then `planComparisons` plans the next answers greedily,
 * each counted in before the next is chosen, over the items' model pairs and the answers
 * they can still take. An item scores by the step its first planned answer comes at (1 for
 * the first step, falling by 1/steps a step); items the plan does not reach score 0.
 */
function leaderboardGains(outlooks: TItemOutlook[]): number[] {
  const index = new Map<string, number>();
  const modelOf = (name: string) => {
    if (!index.has(name)) index.set(name, index.size);
    return index.get(name)!;
  };
  const games = outlooks.map((o) => o.games.map((g) => ({ ...g, i: modelOf(g.a), j: modelOf(g.b) })));
  const size = index.size;
  if (size < 2) return outlooks.map(() => 0);
  const wins = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let played = 0;
  outlooks.forEach((outlook, k) => {
    if (!outlook.judged) return;
    for (const { i, j, pa, pb } of games[k]!) {
      if (i === j) continue;
      const rest = (1 - pa - pb) / 2;
      wins[i]![j]! += pa + rest;
      wins[j]![i]! += pb + rest;
      played += 1;
    }
  });
  const virtual = (VIRTUAL_TIE_SHARE * Math.max(played, 1)) / ((size * (size - 1)) / 2) / 2;
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (i !== j) wins[i]![j]! += virtual;
  const { theta } = fitBradleyTerry(wins);
  const covariance = bradleyTerryCovariance(wins, theta);
  if (!covariance) return outlooks.map(() => 0);

  // Items comparing the same models form one group; its oldest items take its answers first.
  const groups = new Map<string, { pairs: [number, number][]; items: number[] }>();
  games.forEach((list, k) => {
    if (outlooks[k]!.slots <= 0) return;
    const pairs = list
      .filter(({ i, j }) => i !== j)
      .map(({ i, j }): [number, number] => (i < j ? [i, j] : [j, i]))
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    if (pairs.length === 0) return;
    const key = pairs.map((p) => p.join(",")).join(";");
    if (!groups.has(key)) groups.set(key, { pairs, items: [] });
    groups.get(key)!.items.push(k);
  });
  const list = [...groups.values()];
  for (const g of list) g.items.sort((x, y) => outlooks[y]!.waitedSeconds - outlooks[x]!.waitedSeconds);
  const slots = list.map((g) => g.items.reduce((sum, k) => sum + outlooks[k]!.slots, 0));
  const steps = Math.min(
    PLAN_STEPS,
    slots.reduce((a, b) => a + b, 0),
  );
  const plan = planComparisons(
    { theta, covariance },
    list.map((g, n) => ({ pairs: g.pairs, slots: slots[n]! })),
    steps,
  );
  const scores = outlooks.map(() => 0);
  const next = list.map(() => ({ at: 0, used: 0 }));
  plan.forEach((group, step) => {
    const cursor = next[group]!;
    const item = list[group]!.items[cursor.at]!;
    if (cursor.used === 0) scores[item] = (steps - step) / steps;
    cursor.used += 1;
    if (cursor.used >= outlooks[item]!.slots) [cursor.at, cursor.used] = [cursor.at + 1, 0];
  });
  return scores;
}
