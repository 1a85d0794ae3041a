import { describe, expect, it } from "vitest";
import {
  aggregatePairwise,
  PAIRWISE_CLASSES,
  type TPairwiseItem,
  type TPairwiseJudgment,
} from "../src/pairwise";
import { majorityVote, simulateCrowd } from "./support/crowd";

const crowd = simulateCrowd({
  seed: 20261205,
  items: 600,
  perItem: 5,
  accurate: 36,
  randomClickers: 4,
  classes: PAIRWISE_CLASSES,
  truthWeights: [0.42, 0.42, 0.08, 0.08],
});
const result = aggregatePairwise(crowd.items, crowd.judgments);
const byId = new Map(result.annotators.map((a) => [a.annotatorId, a]));

/** Share of items whose label matches the planted truth. */
function labelAccuracy(labels: Map<string, string>): number {
  let right = 0;
  for (const [id, t] of crowd.truth) if (labels.get(id) === t) right += 1;
  return right / crowd.truth.size;
}

describe("pairwise Dawid–Skene on a simulated crowd", () => {
  it("converges and labels at least as accurately as majority vote", () => {
    expect(result.converged).toBe(true);
    const ds = labelAccuracy(new Map(result.items.map((e) => [e.itemId, e.leading])));
    const mv = labelAccuracy(majorityVote(crowd, PAIRWISE_CLASSES));
    console.log(`label accuracy: Dawid–Skene ${ds.toFixed(3)}, majority vote ${mv.toFixed(3)}`);
    expect(ds).toBeGreaterThanOrEqual(mv);
  });

  it("recovers each annotator's realised accuracy: mean absolute error < 0.04, none off by more than 0.1", () => {
    const realised = new Map<string, { right: number; all: number }>();
    for (const j of crowd.judgments) {
      const r = realised.get(j.annotatorId) ?? { right: 0, all: 0 };
      r.all += 1;
      if (j.answer === crowd.truth.get(j.itemId)) r.right += 1;
      realised.set(j.annotatorId, r);
    }
    const errors = [...realised].map(([id, r]) => Math.abs(byId.get(id)!.accuracy - r.right / r.all));
    const mean = errors.reduce((s, x) => s + x, 0) / errors.length;
    console.log(`accuracy error: mean ${mean.toFixed(3)}, max ${Math.max(...errors).toFixed(3)}`);
    expect(mean).toBeLessThan(0.04);
    expect(Math.max(...errors)).toBeLessThan(0.1);
    for (const a of crowd.annotators.filter((x) => x.kind === "random")) {
      const [low, high] = byId.get(a.id)!.accuracyInterval;
      expect(byId.get(a.id)!.accuracy).toBeLessThan(0.45);
      expect(low).toBeLessThan(high);
    }
  });

  it("detects the always-first annotator's position bias and nobody else's", () => {
    expect(byId.get("always-first")!.positionBias).toBeGreaterThan(0.7);
    for (const a of result.annotators)
      if (a.annotatorId !== "always-first") expect(Math.abs(a.positionBias)).toBeLessThan(0.3);
  });

  it("gives soft labels that are distributions, and confidence as the leading class's probability", () => {
    for (const e of result.items) {
      expect(e.posterior.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      expect(e.confidence).toBe(Math.max(...e.posterior));
      expect(e.leading).toBe(result.classes[e.posterior.indexOf(e.confidence)]);
      expect(e.judgments).toBe(5);
    }
  });

  it("restarts from a previous result in fewer sweeps, to the same answer", () => {
    const extra: TPairwiseJudgment[] = crowd.items.slice(0, 20).map((item) => ({
      itemId: item.id,
      annotatorId: "latecomer",
      answer: crowd.truth.get(item.id)!,
      shownFirst: item.completions[0],
    }));
    const judgments = [...crowd.judgments, ...extra];
    const cold = aggregatePairwise(crowd.items, judgments);
    const warm = aggregatePairwise(crowd.items, judgments, { previous: result });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    warm.items.forEach((e, i) => {
      expect(e.leading).toBe(cold.items[i]!.leading);
      expect(Math.abs(e.confidence - cold.items[i]!.confidence)).toBeLessThan(1e-3);
    });
  });
});

describe("priors, gold and classes", () => {
  // Twelve gold items, alternating answers, then one without gold.
  const items: TPairwiseItem[] = [
    ...Array.from({ length: 12 }, (_, k) => ({
      id: `g${k}`,
      completions: [`a${k}`, `b${k}`] as const,
      gold: k % 2 ? ("second" as const) : ("first" as const),
    })),
    { id: "x", completions: ["ax", "bx"] as const },
  ];

  it("does not declare an annotator with 3 correct answers perfect", () => {
    const judgments: TPairwiseJudgment[] = items.slice(0, 3).map((item) => ({
      itemId: item.id,
      annotatorId: "newcomer",
      answer: item.gold!,
      shownFirst: item.completions[0],
    }));
    const newcomer = aggregatePairwise(items, judgments).annotators[0]!;
    expect(newcomer.answers).toBe(3);
    expect(newcomer.accuracy).toBeLessThan(0.95);
    const [low, high] = newcomer.accuracyInterval;
    expect(high - low).toBeGreaterThan(0.3);
    expect(low).toBeLessThan(newcomer.accuracy);
    expect(high).toBeGreaterThan(newcomer.accuracy);
  });

  it("clamps gold items to their answer and lets gold expose a contrarian", () => {
    const judgments: TPairwiseJudgment[] = items.flatMap((item) =>
      ["c1", "c2", "c3"].map((annotatorId) => ({
        itemId: item.id,
        annotatorId,
        // Everyone contradicts the gold answer; on item x they all say "first".
        answer: item.gold === "first" ? ("second" as const) : ("first" as const),
        shownFirst: item.completions[0],
      })),
    );
    const fit = aggregatePairwise(items, judgments, { classes: ["first", "second"] });
    expect(fit.items[0]).toMatchObject({ leading: "first", confidence: 1, gold: true });
    expect(fit.items[1]).toMatchObject({ leading: "second", confidence: 1, gold: true });
    // Gold showed these three answer the opposite, so their "first" on x points to "second".
    expect(fit.items[12]!.leading).toBe("second");
    for (const a of fit.annotators) expect(a.accuracy).toBeLessThan(0.5);
  });

  it("answers an item nobody judged with the class prior, and an empty project without failing", () => {
    const fit = aggregatePairwise(items, []);
    expect(fit.annotators).toEqual([]);
    fit.items[12]!.posterior.forEach((p, c) => {
      expect(p).toBeCloseTo(fit.classPrior[c]!, 12);
    });
    expect(fit.items[12]!.judgments).toBe(0);
    expect(aggregatePairwise([], []).items).toEqual([]);
  });

  it("rejects an answer outside the project's classes and a shown completion not on the item", () => {
    const tie: TPairwiseJudgment = { itemId: "x", annotatorId: "a", answer: "tie", shownFirst: "ax" };
    expect(() => aggregatePairwise(items, [tie], { classes: ["first", "second"] })).toThrow(/"tie"/);
    expect(() => aggregatePairwise(items, [{ ...tie, answer: "first", shownFirst: "zz" }])).toThrow(/zz/);
  });
});
