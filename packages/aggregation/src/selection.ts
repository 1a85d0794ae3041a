import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

/**
 * Expected increase of an item's leading-answer confidence from one more answer by an
 * annotator with confusion matrix `confusion` (true class × answered class): the exact
 * expectation over the possible answers, Σ_a max_j p_j·π_ja − max_j p_j. It is never
 * negative, and is largest for an item whose posterior one answer can still move.
 */
export function expectedConfidenceGain(
  posterior: readonly number[],
  confusion: readonly (readonly number[])[],
): number {
  const K = posterior.length;
  let expected = 0;
  for (let a = 0; a < K; a++) {
    let best = 0;
    for (let j = 0; j < K; j++) best = Math.max(best, posterior[j]! * confusion[j]![a]!);
    expected += best;
  }
  return Math.max(0, expected - Math.max(...posterior));
}

/** Strengths and their covariance, as `fitBradleyTerry` and `bradleyTerryCovariance` give them. */
export type TBradleyTerryUncertainty = {
  theta: readonly number[];
  covariance: readonly (readonly number[])[];
};

/**
 * Expected reduction of leaderboard uncertainty from one more comparison of models i and j.
 * The comparison adds Fisher information w = p(1 − p) along e = e_i − e_j, which shrinks the
 * covariance by w·Σe(Σe)ᵀ / (1 + w·eᵀΣe) (Sherman–Morrison). The uncertainty measured is the
 * variance of each adjacent pair's difference in the current order, weighted by how much that
 * pair's order is still in doubt, 2Φ(−|Δ|/sd) (1 when the strengths coincide, ~0 once the
 * 95 % intervals of the difference exclude 0); so information goes where neighbours overlap.
 */
export function pairInformationGain(fit: TBradleyTerryUncertainty, i: number, j: number): number {
  return gainWith(fit.theta, fit.covariance, strengthOrder(fit.theta), i, j);
}

const strengthOrder = (theta: readonly number[]) =>
  theta.map((_, r) => r).sort((a, b) => theta[b]! - theta[a]!);
const winChance = (theta: readonly number[], i: number, j: number) =>
  1 / (1 + Math.exp(theta[j]! - theta[i]!));

function gainWith(
  theta: readonly number[],
  sigma: readonly (readonly number[])[],
  order: readonly number[],
  i: number,
  j: number,
): number {
  if (i === j) return 0;
  const p = winChance(theta, i, j);
  const w = p * (1 - p);
  const sigmaE = theta.map((_, r) => sigma[r]![i]! - sigma[r]![j]!);
  const eSigmaE = sigmaE[i]! - sigmaE[j]!;
  let gain = 0;
  for (let k = 0; k + 1 < order.length; k++) {
    const u = order[k]!;
    const v = order[k + 1]!;
    const variance = sigma[u]![u]! + sigma[v]![v]! - 2 * sigma[u]![v]!;
    const sd = Math.sqrt(Math.max(variance, 0));
    const doubt = sd > 0 ? 2 * normalCdf(-Math.abs(theta[u]! - theta[v]!) / sd, 0, 1) : 0;
    const projection = sigmaE[u]! - sigmaE[v]!;
    gain += (doubt * w * projection * projection) / (1 + w * eSigmaE);
  }
  return gain;
}

/** The covariance after one more comparison of i and j (Sherman–Morrison), in place. */
function addComparison(theta: readonly number[], sigma: number[][], i: number, j: number): void {
  const p = winChance(theta, i, j);
  const w = p * (1 - p);
  const sigmaE = theta.map((_, r) => sigma[r]![i]! - sigma[r]![j]!);
  const scale = w / (1 + w * (sigmaE[i]! - sigmaE[j]!));
  for (let r = 0; r < theta.length; r++)
    for (let c = 0; c < theta.length; c++) sigma[r]![c]! -= scale * sigmaE[r]! * sigmaE[c]!;
}

/** One kind of answer still to be had: the model pairs one answer compares, and how many answers are left. */
export type TComparisonGroup = { pairs: readonly (readonly [number, number])[]; slots: number };

/**
 * Greedy batch plan of the next `steps` answers: each step takes the group whose answer would
 * most reduce the leaderboard's uncertainty (`pairInformationGain`, summed over the group's
 * pairs) given the answers planned before it, then counts that answer in (a Sherman–Morrison
 * update of the covariance). Priorities are refreshed only now and then while a crowd keeps
 * answering, so a plan spreads answers over the pairs that need them instead of spending all
 * of them on the single best pair until the next refresh. Returns the group index per step.
 */
export function planComparisons(
  fit: TBradleyTerryUncertainty,
  groups: readonly TComparisonGroup[],
  steps: number,
): number[] {
  const sigma = fit.covariance.map((row) => [...row]);
  const order = strengthOrder(fit.theta);
  const left = groups.map((g) => g.slots);
  const plan: number[] = [];
  while (plan.length < steps) {
    let best = -1;
    let bestGain = 0;
    groups.forEach((g, k) => {
      if (left[k]! <= 0) return;
      const gain = g.pairs.reduce((sum, [i, j]) => sum + gainWith(fit.theta, sigma, order, i, j), 0);
      if (best < 0 || gain > bestGain) [best, bestGain] = [k, gain];
    });
    if (best < 0) break;
    plan.push(best);
    left[best]! -= 1;
    for (const [i, j] of groups[best]!.pairs) addComparison(fit.theta, sigma, i, j);
  }
  return plan;
}
