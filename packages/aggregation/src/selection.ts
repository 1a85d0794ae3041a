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
  const { theta, covariance: sigma } = fit;
  if (i === j) return 0;
  const p = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
  const w = p * (1 - p);
  const sigmaE = theta.map((_, r) => sigma[r]![i]! - sigma[r]![j]!);
  const eSigmaE = sigmaE[i]! - sigmaE[j]!;
  const order = theta.map((_, r) => r).sort((a, b) => theta[b]! - theta[a]!);
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
