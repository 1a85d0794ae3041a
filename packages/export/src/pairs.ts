import type { TExportRequest } from "@arbiter/shared";

export type Pair = { chosen: string; rejected: string };

/**
 * Turns a ranking (groups best-first; ties inside a group) into chosen/rejected pairs.
 * Tied completions never form a pair. `all`: every completion against every one in a
 * worse group; `adjacent`: each group against the next; `best-vs-rest`: the best group
 * against every other. Order: by chosen group, then rejected group, then position.
 */
export function pairsOf(ranking: string[][], mode: TExportRequest["pairs"]): Pair[] {
  const pairs: Pair[] = [];
  const last = mode === "best-vs-rest" ? Math.min(1, ranking.length) : ranking.length;
  for (let g = 0; g < last; g++) {
    const end = mode === "adjacent" ? Math.min(g + 2, ranking.length) : ranking.length;
    for (let h = g + 1; h < end; h++) {
      for (const chosen of ranking[g]!) {
        for (const rejected of ranking[h]!) pairs.push({ chosen, rejected });
      }
    }
  }
  return pairs;
}
