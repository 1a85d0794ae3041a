import type pg from "pg";
import { digestRows } from "./digest-cache";
import { itemSides, modelNames } from "./item-sides";
import { type ClassRatings, pairwiseMeasures } from "./pairwise-measures";

/** Agreement, leaderboard and biases of a pairwise project. */
export async function loadPairwiseDigest(pool: pg.Pool, projectId: string, aspects: string[]) {
  const items = await digestRows(pool, projectId, aspects);
  const sides = await itemSides(pool, projectId, [...items.keys()]);
  // Patterns numbered in sorted order, not in the order the items were read or updated in,
  // so the sums run in the same order however the rows came to be.
  const distinct = [...new Set(Array.from(items.values(), (i) => i.counts))].sort();
  const patternOf = new Map(distinct.map((counts, k) => [counts, k]));
  const patterns = distinct.map((counts) => counts.split(",").map(Number));
  const grouped = new Map<number, number>();
  const ratings = new Map<number, ClassRatings>();
  let firstShown = 0;
  for (const [id, { counts, rest }] of items) {
    // Items without two completions have no class and, as before, no statistics.
    const cls = sides.classOf.get(id);
    if (cls === undefined) continue;
    const key = cls * patterns.length + patternOf.get(counts)!;
    grouped.set(key, (grouped.get(key) ?? 0) + 1);
    firstShown += rest[0]!;
    if (aspects.length === 0) continue;
    let r = ratings.get(cls);
    if (!r) {
      r = { side: sides.classes[cls]!, sums: new Float64Array(4 * aspects.length) };
      ratings.set(cls, r);
    }
    for (let k = 1; k < rest.length; k++) r.sums[k - 1]! += rest[k]!;
  }
  const nameOf = await modelNames(pool, sides.classes);
  return pairwiseMeasures(
    { classes: sides.classes, patterns, items: grouped },
    [...ratings.values()],
    firstShown,
    nameOf,
    aspects,
  );
}
