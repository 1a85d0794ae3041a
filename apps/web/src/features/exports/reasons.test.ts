import type { TExportPreview } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { emptySplitWarning, explainPreview } from "./reasons";

const none = { unjudged: 0, gold: 0, minJudgments: 0, minAgreement: 0, noMajority: 0 };
const zero = {
  gold: 0,
  annotator: 0,
  tooFast: 0,
  date: 0,
  strength: 0,
  minJudgments: 0,
  minAgreement: 0,
  noMajority: 0,
  tie: 0,
  bothBad: 0,
};

function preview(over: {
  items?: number;
  judgments?: number;
  superseded?: number;
  rows?: Record<string, number>;
  excluded?: Partial<typeof zero>;
  excludedItems?: Partial<typeof none>;
}): TExportPreview {
  const rows = over.rows ?? { train: 0 };
  return {
    rows: [],
    source: {
      items: over.items ?? 12,
      judgments: over.judgments ?? 24,
      matchingJudgments: 0,
      supersededJudgments: over.superseded ?? 0,
    },
    scanned: { items: over.items ?? 12, complete: true },
    exact: {
      rows,
      total: Object.values(rows).reduce((a, b) => a + b, 0),
      usedJudgments: 0,
      excluded: { ...zero, ...over.excluded },
      excludedItems: { ...none, ...over.excludedItems },
    },
  };
}

describe("explainPreview", () => {
  it("says when every item falls to one item-wide rule", () => {
    const p = preview({ excluded: { minJudgments: 24 }, excludedItems: { minJudgments: 12 } });
    const e = explainPreview(p, { minJudgments: 3 });
    expect(e.headline).toBe("0 rows: all 12 items have fewer than 3 judgments.");
    expect(e.judgments).toEqual([
      expect.objectContaining({
        key: "minJudgments",
        count: 24,
        sentence: "are on items with fewer than 3 judgments",
      }),
    ]);
  });

  it("counts unjudged items apart and names the judged ones", () => {
    const p = preview({
      excluded: { minAgreement: 6 },
      excludedItems: { unjudged: 9, minAgreement: 3 },
      judgments: 6,
    });
    expect(explainPreview(p, { minAgreement: 0.8 }).headline).toBe(
      "0 rows: all 3 judged items have agreement below 80%.",
    );
  });

  it("falls back to a judgment-level reason, then to the list", () => {
    expect(explainPreview(preview({ excluded: { tie: 24 } }), {}).headline).toBe(
      "0 rows: all 24 judgments are ties, which have no chosen and rejected side.",
    );
    expect(explainPreview(preview({ excluded: { tie: 20, bothBad: 4 } }), {}).headline).toMatch(
      /each of the 24 judgments is left out/,
    );
  });

  it("says so when there is nothing to export yet", () => {
    expect(explainPreview(preview({ items: 0, judgments: 0 }), {}).headline).toMatch(/no items yet/);
    expect(explainPreview(preview({ judgments: 0, excludedItems: { unjudged: 12 } }), {}).headline).toBe(
      "0 rows: none of the 12 items has a judgment yet.",
    );
  });

  it("lists superseded judgments, largest reasons first, and no headline when rows remain", () => {
    const p = preview({ rows: { train: 5, test: 0 }, excluded: { tooFast: 1, gold: 3 }, superseded: 2 });
    const e = explainPreview(p, {});
    expect(e.headline).toBeNull();
    expect(e.judgments.map((r) => [r.key, r.count])).toEqual([
      ["gold", 3],
      ["superseded", 2],
      ["tooFast", 1],
    ]);
    expect(e.judgments[2]!.sentence).toBe("was answered faster than the project’s minimum reading time");
    expect(e.emptySplits).toEqual(["test"]);
  });
});

describe("emptySplitWarning", () => {
  it("names the empty splits, or says nothing", () => {
    expect(emptySplitWarning([])).toBeNull();
    expect(emptySplitWarning(["test"])).toMatch(/^The “test” split would be empty/);
  });
});
