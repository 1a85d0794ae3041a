import { aggregatePairwise, type TPairwiseClass } from "@arbiter/aggregation";
import type { ExportItem, ExportJudgment } from "@arbiter/export";
import { ZExportRequest, ZRankedRow, ZTrlTextRow } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { itemC, judgment, runExport } from "./fixtures";

/**
 * A planted crowd: 40 items whose better completion is known, judged by two careful
 * annotators and one who always picks the worse completion. On "item-x" careful annotator B
 * slips, so two of three votes are wrong and majority gets it wrong; the model has learnt
 * that the adversary's answers point the other way. On "item-y" only the careful two voted,
 * and they disagree.
 */
function plantedCrowd(): ExportItem[] {
  const items: ExportItem[] = [];
  const make = (id: string, truth: 0 | 1, votes: [annotator: string, pick: 0 | 1][]): ExportItem => {
    const ids = [`${id}-c0`, `${id}-c1`];
    return {
      id,
      isGold: false,
      retired: false,
      promptHash: `hash-${id}`,
      prompt: { text: `Prompt ${id} (truth ${truth})` },
      completions: ids.map((cid, i) => ({
        id: cid,
        text: `answer ${i}`,
        model: `m${i}`,
        generator: null,
        params: {},
      })),
      judgments: votes.map(([annotator, pick], n): ExportJudgment => {
        // Each annotator sees the better completion first on half the items and second on the
        // other half, so position says nothing about the truth here.
        const shownOrder = (Math.floor(items.length / 2) + n) % 2 === 0 ? ids : [ids[1]!, ids[0]!];
        return judgment({
          id: `${id}-${annotator}`,
          annotatorId: annotator,
          choice: shownOrder[0] === ids[pick] ? "A" : "B",
          shownOrder,
          ranking: [[ids[pick]!], [ids[1 - pick]!]],
        });
      }),
    };
  };
  for (let i = 0; i < 40; i++) {
    const truth = (i % 2) as 0 | 1;
    const wrong = (1 - truth) as 0 | 1;
    items.push(
      make(`item-${String(i).padStart(2, "0")}`, truth, [
        ["a", truth],
        ["b", truth],
        ["adversary", wrong],
      ]),
    );
  }
  items.push(
    make("item-x", 0, [
      ["a", 0],
      ["b", 1],
      ["adversary", 1],
    ]),
  );
  items.push(
    make("item-y", 0, [
      ["a", 0],
      ["b", 1],
    ]),
  );
  return items;
}

/** The package's own fit of the same answers, as the export must reproduce it. */
function packageFit(items: ExportItem[]) {
  return aggregatePairwise(
    items.map((i) => ({ id: i.id, completions: [i.completions[0]!.id, i.completions[1]!.id] as const })),
    items.flatMap((i) =>
      i.judgments.map((j) => ({
        itemId: i.id,
        annotatorId: j.annotatorId,
        answer: (j.ranking![0]![0] === i.completions[0]!.id ? "first" : "second") as TPairwiseClass,
        shownFirst: j.shownOrder[0]!,
      })),
    ),
    { classes: ["first", "second"] },
  );
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const rowOf = (lines: string[], item: string) =>
  lines.map((l) => JSON.parse(l)).find((r) => r.prompt.includes(item));

describe("dawid-skene rows", () => {
  const crowd = plantedCrowd();

  it("gets right the item that majority gets wrong, because it learnt the adversary's answers", () => {
    const majority = runExport(crowd, { format: "trl", aggregation: "majority" }).splits.train!;
    const model = runExport(crowd, { format: "trl", aggregation: "dawid-skene" }).splits.train!;
    expect(rowOf(majority, "item-x").chosen).toBe("answer 1");
    expect(rowOf(model, "item-x").chosen).toBe("answer 0");
    // Everywhere else the two agree, and both are right.
    for (const item of crowd.filter((i) => i.id !== "item-x" && i.id !== "item-y")) {
      const truth = item.prompt.text!.endsWith("(truth 0)") ? "answer 0" : "answer 1";
      expect(rowOf(model, item.id).chosen, item.id).toBe(truth);
      expect(rowOf(majority, item.id).chosen, item.id).toBe(truth);
    }
  });

  it("include.confidence is the package's posterior of the exported preference; soft_label its full posterior", () => {
    const out = runExport(crowd, {
      format: "trl",
      aggregation: "dawid-skene",
      include: { confidence: true, softLabel: true },
    });
    const fit = packageFit(crowd);
    expect(out.splits.train).toHaveLength(crowd.length);
    for (const estimate of fit.items) {
      const row = ZTrlTextRow.parse(rowOf(out.splits.train!, estimate.itemId));
      expect(row.confidence, estimate.itemId).toBe(round4(estimate.confidence));
      const chosenFirst = row.chosen === "answer 0";
      expect(row.soft_label, estimate.itemId).toEqual({
        chosen: round4(estimate.posterior[chosenFirst ? 0 : 1]!),
        rejected: round4(estimate.posterior[chosenFirst ? 1 : 0]!),
        tie: 0,
        both_bad: 0,
      });
    }
    expect(rowOf(out.splits.train!, "item-x").confidence).toBeGreaterThan(0.8);
    expect(rowOf(out.splits.train!, "item-y").confidence).toBeLessThan(0.8);
  });

  it("minConfidence drops the items below it and counts them and their judgments", () => {
    const fit = packageFit(crowd);
    const doubtful = fit.items.filter((e) => e.confidence < 0.8).map((e) => e.itemId);
    expect(doubtful).toContain("item-y");
    expect(doubtful).not.toContain("item-x");
    const out = runExport(crowd, { format: "trl", aggregation: "dawid-skene", minConfidence: 0.8 });
    expect(out.splits.train).toHaveLength(crowd.length - doubtful.length);
    for (const id of doubtful) expect(rowOf(out.splits.train!, id)).toBeUndefined();
    expect(out.counts.excludedItems.lowConfidence).toBe(doubtful.length);
    expect(out.counts.excluded.lowConfidence).toBe(
      crowd.filter((i) => doubtful.includes(i.id)).reduce((s, i) => s + i.judgments.length, 0),
    );
    expect(out.counts.used + out.counts.excluded.lowConfidence).toBe(out.counts.judgments);
  });

  it("a gold answer anchors its item whatever the votes say", () => {
    const gold = { "item-y": { preferred: "item-y-c1" } };
    const out = runExport(crowd, { format: "trl", aggregation: "dawid-skene", excludeGold: false }, gold);
    expect(rowOf(out.splits.train!, "item-y").chosen).toBe("answer 1");
  });

  it("K-wise: the consensus ranking, its weakest link as the ranked row's confidence", () => {
    const out = runExport([itemC], {
      format: "ranked",
      aggregation: "dawid-skene",
      include: { confidence: true },
    });
    const row = ZRankedRow.parse(JSON.parse(out.splits.train![0]!));
    expect(row.ranking[0]).toEqual([0]);
    expect(row.confidence).toBeGreaterThan(0);
    expect(row.confidence).toBeLessThan(1);
    const pairs = runExport([itemC], {
      format: "trl",
      aggregation: "dawid-skene",
      include: { confidence: true, softLabel: true, margin: true },
    });
    for (const line of pairs.splits.train!) {
      const r = ZTrlTextRow.parse(JSON.parse(line));
      expect(r.soft_label!.chosen).toBe(r.confidence);
      expect(r.soft_label!.chosen + r.soft_label!.rejected + r.soft_label!.tie).toBeCloseTo(1, 3);
      expect(r.margin).toBeGreaterThan(0);
    }
  });
});

describe("dawid-skene options", () => {
  const issues = (input: object) =>
    ZExportRequest.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

  it("confidence, soft labels and minConfidence need the model; soft labels need a pair format; raw has none", () => {
    expect(issues({ format: "trl", minConfidence: 0.8 })).toEqual([
      "minConfidence: needs aggregation dawid-skene",
    ]);
    expect(
      issues({ format: "trl", aggregation: "majority", include: { confidence: true, softLabel: true } }),
    ).toEqual([
      "include.confidence: needs aggregation dawid-skene",
      "include.softLabel: needs aggregation dawid-skene",
    ]);
    expect(issues({ format: "ranked", aggregation: "dawid-skene", include: { softLabel: true } })[0]).toMatch(
      /^include\.softLabel: soft labels describe a chosen\/rejected pair/,
    );
    expect(issues({ format: "raw", aggregation: "dawid-skene" })[0]).toMatch(/^aggregation:/);
    expect(issues({ format: "trl", aggregation: "dawid-skene", minConfidence: 1.5 })[0]).toMatch(
      /^minConfidence:/,
    );
    expect(
      issues({
        format: "hh",
        aggregation: "dawid-skene",
        minConfidence: 0.7,
        include: { confidence: true, softLabel: true },
      }),
    ).toEqual([]);
  });
});
