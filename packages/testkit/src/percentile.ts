/**
 * The nearest-rank percentile of an ascending list (`p` in 0–100): the value at index
 * floor(p/100 · n), so the median of an even count is the upper middle value and the
 * result is always one of the measurements. NaN for an empty list.
 */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
