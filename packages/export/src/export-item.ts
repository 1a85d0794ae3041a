import { aggregateItem } from "./aggregate";
import { type LabelTally, linesOfItem, type RowContext } from "./formats";
import { type SplitPlan, splitOf } from "./split";
import type { ExportCounts, ExportItem } from "./types";

export type ExportedItem = {
  split: string;
  lines: string[];
  agreement: number;
  /** Dawid–Skene: the posterior probability of the item's exported answer. */
  confidence: number | null;
  /** KTO rows by label (zero for other formats). */
  labels: LabelTally;
};

/** The rows of one item, the split they all belong to, and what the dataset card reports of it. */
export function exportItem(
  item: ExportItem,
  ctx: RowContext & { plan: SplitPlan },
  counts: ExportCounts,
): ExportedItem {
  const result = aggregateItem(item, ctx.req, counts, ctx.consensus);
  const labels = { true: 0, false: 0 };
  const lines = result.outcomes.length ? linesOfItem(item, result, ctx, labels) : [];
  return {
    split: splitOf(ctx.plan, ctx.req.seed, item.promptHash),
    lines,
    agreement: result.agreement,
    confidence: result.outcomes[0]?.confidence ?? null,
    labels,
  };
}
