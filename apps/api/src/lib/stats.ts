/**
 * Two-sided exact binomial test of k successes in n trials against p = 1/2. The tail's terms
 * are stepped one from the next (C(n, i+1) = C(n, i)·(n−i)/(i+1)), in logs so that large n
 * does not underflow the first ones: linear in the tail, as it runs on every answer of an
 * annotator whose record may hold thousands.
 */
export function binomialTestHalf(k: number, n: number): number {
  if (n === 0) return 1;
  const tail = Math.min(k, n - k);
  let logTerm = -n * Math.LN2;
  let p = 0;
  for (let i = 0; i <= tail; i++) {
    p += Math.exp(logTerm);
    if (i < tail) logTerm += Math.log(n - i) - Math.log(i + 1);
  }
  // The middle term of an even n is counted once, not on both sides.
  return Math.min(1, 2 * p - (2 * tail === n ? Math.exp(logTerm) : 0));
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Agreement of each annotator with the majority of the *other* annotators on the same
 * items (leave-one-out), over items where those others have a strict majority.
 */
export function leaveOneOutAgreement(votes: { itemId: string; annotatorId: string; winner: string }[]) {
  const byItem = new Map<string, { annotatorId: string; winner: string }[]>();
  for (const v of votes) {
    const list = byItem.get(v.itemId) ?? [];
    list.push(v);
    byItem.set(v.itemId, list);
  }
  const result = new Map<string, { agreed: number; items: number }>();
  for (const list of byItem.values()) {
    for (const mine of list) {
      const counts = new Map<string, number>();
      for (const other of list) {
        if (other.annotatorId !== mine.annotatorId)
          counts.set(other.winner, (counts.get(other.winner) ?? 0) + 1);
      }
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      const [top, second] = ranked;
      if (!top || (second && second[1] === top[1])) continue;
      const entry = result.get(mine.annotatorId) ?? { agreed: 0, items: 0 };
      entry.items += 1;
      if (top[0] === mine.winner) entry.agreed += 1;
      result.set(mine.annotatorId, entry);
    }
  }
  return result;
}
