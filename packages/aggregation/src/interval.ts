import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";

/** Central 95 % interval of Beta(a, b); a and b are floored at a tiny positive value so zero counts stay defined. */
export function betaInterval(a: number, b: number): [number, number] {
  const alpha = Math.max(a, 1e-9);
  const beta = Math.max(b, 1e-9);
  return [betaQuantile(0.025, alpha, beta), betaQuantile(0.975, alpha, beta)];
}
