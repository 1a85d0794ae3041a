import { aggregatePairwise } from "@arbiter/aggregation";
import type { TStoredItem, TStoredJudgment } from "./judgments";

/** Per item the winning completion, or null when the method cannot tell (no answers, a tied vote). */
type TLabels = Map<string, string | null>;

export function majorityLabels(items: TStoredItem[], judgments: TStoredJudgment[]): TLabels {
  const votes = new Map<string, Map<string, number>>();
  for (const j of judgments) {
    const v = votes.get(j.itemId) ?? new Map<string, number>();
    v.set(j.winner, (v.get(j.winner) ?? 0) + 1);
    votes.set(j.itemId, v);
  }
  return new Map(
    items.map((item) => {
      const v = votes.get(item.id);
      const [a, b] = item.completions.map((c) => v?.get(c) ?? 0) as [number, number];
      return [item.id, a === b ? null : a > b ? item.completions[0] : item.completions[1]];
    }),
  );
}

export function dawidSkeneLabels(items: TStoredItem[], judgments: TStoredJudgment[]): TLabels {
  const byId = new Map(items.map((i) => [i.id, i]));
  const fit = aggregatePairwise(
    items.map((i) => ({ id: i.id, completions: i.completions })),
    judgments.map((j) => ({
      itemId: j.itemId,
      annotatorId: j.annotatorId,
      answer: j.winner === byId.get(j.itemId)!.completions[0] ? ("first" as const) : ("second" as const),
      shownFirst: j.shownFirst,
    })),
    { classes: ["first", "second"], tolerance: 1e-4 },
  );
  return new Map(
    fit.items.map((e) => {
      const item = byId.get(e.itemId)!;
      if (e.judgments === 0) return [e.itemId, null];
      return [e.itemId, e.leading === "first" ? item.completions[0] : item.completions[1]];
    }),
  );
}

/** Share of items labelled right; an item the method cannot tell counts as a coin flip. */
export function accuracy(labels: TLabels, truth: (itemId: string) => string): number {
  let sum = 0;
  for (const [itemId, label] of labels) sum += label === null ? 0.5 : label === truth(itemId) ? 1 : 0;
  return sum / labels.size;
}

/** The first `k` answers of every item, in the order they were stored. */
export function firstAnswers(judgments: TStoredJudgment[], k: number): TStoredJudgment[] {
  const seen = new Map<string, number>();
  return judgments.filter((j) => {
    const n = seen.get(j.itemId) ?? 0;
    seen.set(j.itemId, n + 1);
    return n < k;
  });
}

/** Linear interpolation of the budget at which a rising curve first reaches `level`; null if never. */
export function budgetToReach(curve: { spent: number; accuracy: number }[], level: number): number | null {
  let previous = { spent: 0, accuracy: 0.5 };
  for (const point of curve) {
    if (point.accuracy >= level) {
      const span = point.accuracy - previous.accuracy;
      const t = span <= 0 ? 1 : (level - previous.accuracy) / span;
      return previous.spent + t * (point.spent - previous.spent);
    }
    previous = point;
  }
  return null;
}

/** The accuracy a curve reaches at a budget, interpolated between its points. */
export function accuracyAt(curve: { spent: number; accuracy: number }[], spent: number): number {
  let previous = { spent: 0, accuracy: 0.5 };
  for (const point of curve) {
    if (point.spent >= spent) {
      const t = (spent - previous.spent) / Math.max(1, point.spent - previous.spent);
      return previous.accuracy + t * (point.accuracy - previous.accuracy);
    }
    previous = point;
  }
  return previous.accuracy;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
