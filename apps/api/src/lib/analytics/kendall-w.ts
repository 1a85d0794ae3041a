/**
 * Kendall's coefficient of concordance W of m judges ranking the same n objects, with
 * the correction for tied ranks: W = 12 S / (m^2 (n^3 - n) - m sum T), where S is the sum
 * of squared deviations of the objects' rank sums from their mean and T = sum (t^3 - t)
 * over each judge's groups of t tied objects (Kendall & Babington Smith 1939; Siegel &
 * Castellan 1988, section 9.4).
 */
export type ConcordanceSums = { judges: number; objects: number; sumRankSquares: number; sumTies: number };

/** Midranks (1 = best) of objects from groups best-first; objects tied in a group share the mean rank. */
export function ranksFromGroups(groups: string[][], objects: string[]): number[] {
  const rank = new Map<string, number>();
  let before = 0;
  for (const group of groups) {
    for (const id of group) rank.set(id, before + (group.length + 1) / 2);
    before += group.length;
  }
  return objects.map((id) => {
    const r = rank.get(id);
    if (r === undefined) throw new Error(`object ${id} is not ranked`);
    return r;
  });
}

/** The sums W needs, from each judge's ranks of the same objects (ranks[judge][object]). */
export function concordanceSums(ranks: number[][]): ConcordanceSums {
  const n = ranks[0]?.length ?? 0;
  const totals = new Array<number>(n).fill(0);
  let sumTies = 0;
  for (const judge of ranks) {
    if (judge.length !== n) throw new Error("every judge must rank every object");
    judge.forEach((r, i) => {
      totals[i]! += r;
    });
    const sizes = new Map<number, number>();
    for (const r of judge) sizes.set(r, (sizes.get(r) ?? 0) + 1);
    for (const t of sizes.values()) sumTies += t ** 3 - t;
  }
  return {
    judges: ranks.length,
    objects: n,
    sumRankSquares: totals.reduce((s, r) => s + r * r, 0),
    sumTies,
  };
}

/** Null when W is undefined: fewer than two judges or objects, or every judge tied everything. */
export function kendallWFromSums({ judges: m, objects: n, sumRankSquares, sumTies }: ConcordanceSums) {
  if (m < 2 || n < 2) return null;
  // With midranks every judge's ranks sum to n(n+1)/2, so the mean rank sum is m(n+1)/2.
  const mean = (m * (n + 1)) / 2;
  const s = sumRankSquares - n * mean * mean;
  const denominator = m * m * (n ** 3 - n) - m * sumTies;
  if (denominator <= 0) return null;
  return (12 * s) / denominator;
}

export function kendallW(ranks: number[][]): number | null {
  return kendallWFromSums(concordanceSums(ranks));
}
