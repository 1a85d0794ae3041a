import { aggregateItem } from "./aggregate";
import { linesOfItem, type RowContext } from "./formats";
import { type SplitPlan, splitOf } from "./split";
import type { ExportCounts, ExportItem } from "./types";

/** The rows of one item, the split they all belong to, and the item's agreement. */
export function exportItem(
  item: ExportItem,
  ctx: RowContext & { plan: SplitPlan },
  counts: ExportCounts,
): { split: string; lines: string[]; agreement: number } {
  const result = aggregateItem(item, ctx.req, counts);
  const lines = result.outcomes.length ? linesOfItem(item, result, ctx) : [];
  return { split: splitOf(ctx.plan, ctx.req.seed, item.promptHash), lines, agreement: result.agreement };
}
