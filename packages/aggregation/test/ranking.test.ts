import { describe, expect, it } from "vitest";
import { seededRandom } from "../src/random";
import { aggregateRankings, type TRankingItem, type TRankingJudgment } from "../src/ranking";

/** Noisy rankings of four completions: careful annotators swap a neighbour pair now and then; one copies the shown order. */
function simulate(seed: number) {
  const random = seededRandom(seed);
  const items: TRankingItem[] = [];
  const judgments: TRankingJudgment[] = [];
  const truth = new Map<string, string[]>();
  const annotators = Array.from({ length: 12 }, (_, k) => ({ id: `r${k}`, swap: 0.1 + 0.03 * k }));
  for (let n = 0; n < 150; n++) {
    const id = `item-${n}`;
    const completions = ["a", "b", "c", "d"].map((x) => `${id}-${x}`);
    const order = [...completions].sort(() => random() - 0.5);
    truth.set(id, order);
    items.push({ id, completions });
    const raters = [...annotators.map((a) => a.id), "copier"].sort(() => random() - 0.5).slice(0, 5);
    for (const annotatorId of raters) {
      const shownOrder = [...completions].sort(() => random() - 0.5);
      let ranking = [...order];
      if (annotatorId === "copier") ranking = [...shownOrder];
      else {
        const swap = annotators.find((a) => a.id === annotatorId)!.swap;
        for (let k = 0; k + 1 < ranking.length; k++)
          if (random() < swap) [ranking[k], ranking[k + 1]] = [ranking[k + 1]!, ranking[k]!];
      }
      judgments.push({ itemId: id, annotatorId, ranking: ranking.map((c) => [c]), shownOrder });
    }
  }
  return { items, judgments, truth };
}

describe("pairwise-decomposed Dawid–Skene for rankings", () => {
  const { items, judgments, truth } = simulate(9);
  const result = aggregateRankings(items, judgments);

  it("recovers most true orders and is more confident where it is right", () => {
    const right = result.items.filter((e) => e.order.join() === truth.get(e.itemId)!.join());
    const wrong = result.items.filter((e) => e.order.join() !== truth.get(e.itemId)!.join());
    console.log(`rankings recovered exactly: ${right.length} of ${result.items.length}`);
    expect(right.length / result.items.length).toBeGreaterThan(0.7);
    const mean = (xs: { confidence: number }[]) => xs.reduce((s, x) => s + x.confidence, 0) / xs.length;
    expect(mean(right)).toBeGreaterThan(mean(wrong));
    for (const e of result.items) {
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.pairs).toHaveLength(6);
    }
  });

  it("flags the annotator who copies the shown order", () => {
    const copier = result.annotators.find((a) => a.annotatorId === "copier")!;
    expect(copier.positionBias).toBeGreaterThan(0.8);
    const best = result.annotators.find((a) => a.annotatorId === "r0")!;
    expect(best.accuracy).toBeGreaterThan(copier.accuracy);
  });

  it("reads tied groups as ties and clamps a gold ranking", () => {
    const item: TRankingItem = { id: "t", completions: ["x", "y", "z"], gold: [["z"], ["x", "y"]] };
    const tied: TRankingJudgment = {
      itemId: "t",
      annotatorId: "r0",
      ranking: [["x", "y"], ["z"]],
      shownOrder: ["x", "y", "z"],
    };
    const fit = aggregateRankings([item], [tied]);
    expect(fit.items[0]!.order[0]).toBe("z");
    expect(fit.items[0]!.confidence).toBe(1);
    const xy = fit.items[0]!.pairs.find((p) => [p.better, p.worse].sort().join() === "x,y")!;
    expect(xy.tie).toBe(1);
  });
});
