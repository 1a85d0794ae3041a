import type { DigestRow } from "./digest-sql";
import type { ProjectSides } from "./item-sides";
import type { ClassRatings, ItemGroups } from "./pairwise-measures";

/** What the pairwise statistics are computed from, as pairwiseMeasures takes it. */
export type TallySnapshot = { groups: ItemGroups; ratings: ClassRatings[]; firstShown: number };

/**
 * A pairwise project's items counted by side class and answer pattern, with each class's
 * rating sums and the first-shown wins: everything the statistics need, kept up to date
 * item by item (an item's old digest row is taken out and its new one added), so a request
 * costs the changed items and the groups, not the 33k items. Every number is a count or a
 * sum of integer ratings, so adding and taking out is exact.
 */
export class PairwiseTally {
  /** Per side class, items per answer pattern (the digest row's counts text). */
  private readonly groups = new Map<number, Map<string, number>>();
  private readonly ratings = new Map<number, Float64Array>();
  private firstShown = 0;

  constructor(
    readonly sides: ProjectSides,
    private readonly aspects: number,
  ) {}

  /** Adds (sign 1) or takes out (sign -1) an item's row; items without two completions have no class and count nowhere. */
  add(itemId: string, row: DigestRow, sign: 1 | -1) {
    const cls = this.sides.classOf.get(itemId);
    if (cls === undefined) return;
    let patterns = this.groups.get(cls);
    if (!patterns) {
      patterns = new Map();
      this.groups.set(cls, patterns);
    }
    const n = (patterns.get(row.counts) ?? 0) + sign;
    // Emptied groups go, so that a kept tally holds exactly what a fresh one would.
    if (n === 0) patterns.delete(row.counts);
    else patterns.set(row.counts, n);
    this.firstShown += sign * row.rest[0]!;
    if (this.aspects === 0) return;
    let sums = this.ratings.get(cls);
    if (!sums) {
      sums = new Float64Array(4 * this.aspects);
      this.ratings.set(cls, sums);
    }
    for (let k = 1; k < row.rest.length; k++) sums[k - 1]! += sign * row.rest[k]!;
  }

  /** A copy to compute from while later requests update the tally. */
  snapshot(): TallySnapshot {
    // Patterns numbered in sorted order, not in the order items were read or updated in,
    // so the statistics sum in the same order however the tally came to be.
    const distinct = new Set<string>();
    for (const patterns of this.groups.values()) for (const counts of patterns.keys()) distinct.add(counts);
    const sorted = [...distinct].sort();
    const patternOf = new Map(sorted.map((counts, k) => [counts, k]));
    const items = new Map<number, number>();
    for (const [cls, patterns] of this.groups)
      for (const [counts, n] of patterns) items.set(cls * sorted.length + patternOf.get(counts)!, n);
    const classes = this.sides.classes.slice();
    return {
      groups: { classes, patterns: sorted.map((counts) => counts.split(",").map(Number)), items },
      ratings: [...this.ratings].map(([cls, sums]) => ({ side: classes[cls]!, sums: sums.slice() })),
      firstShown: this.firstShown,
    };
  }
}
