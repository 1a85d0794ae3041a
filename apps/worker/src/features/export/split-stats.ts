import type { ExportedItem, LabelTally } from "@arbiter/export";

/** What the dataset card and the manifest report of one split's exported items. */
export type SplitStats = {
  /** Items with at least one row. */
  items: number;
  /** Mean agreement of those items; null without items. */
  agreement: number | null;
  /**
   * Estimated label accuracy: the mean posterior probability of the exported answers under
   * Dawid–Skene, i.e. the share of exported labels the model expects to be right; null
   * under other aggregations.
   */
  estimatedAccuracy: number | null;
  /** KTO rows by label. */
  labels: LabelTally;
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Sums per split while the export runs. */
export class SplitTally {
  private readonly sums = new Map<
    string,
    { items: number; agreement: number; confidence: number; confident: number; labels: LabelTally }
  >();

  constructor(splits: string[]) {
    for (const split of splits) {
      this.sums.set(split, {
        items: 0,
        agreement: 0,
        confidence: 0,
        confident: 0,
        labels: { true: 0, false: 0 },
      });
    }
  }

  add(out: ExportedItem): void {
    const sum = this.sums.get(out.split)!;
    sum.labels.true += out.labels.true;
    sum.labels.false += out.labels.false;
    if (out.lines.length === 0) return;
    sum.items++;
    sum.agreement += out.agreement;
    if (out.confidence !== null) {
      sum.confidence += out.confidence;
      sum.confident++;
    }
  }

  stats(): Record<string, SplitStats> {
    return Object.fromEntries(
      [...this.sums].map(([split, s]) => [
        split,
        {
          items: s.items,
          agreement: s.items ? round4(s.agreement / s.items) : null,
          estimatedAccuracy: s.confident ? round4(s.confidence / s.confident) : null,
          labels: s.labels,
        },
      ]),
    );
  }
}
