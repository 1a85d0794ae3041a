import type { ExportItem } from "@arbiter/export";
import { ZExportRequest } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { itemA, itemB, itemC, judgment, runExport } from "./fixtures";

const trl = (items: ExportItem[], extra: object = {}) => runExport(items, { format: "trl", ...extra });

describe("filters", () => {
  it("drops ties and both-bad by default and counts them", () => {
    const out = trl([itemA, itemB]);
    expect(out.splits.train).toHaveLength(4);
    expect(out.counts.excluded.tie).toBe(1);
    expect(out.counts.excluded.bothBad).toBe(1);
  });

  it("never exports retired items and counts their judgments as excluded", () => {
    const retired = { ...itemA, retired: true };
    const out = trl([retired, itemB], { excludeGold: false });
    expect(out.counts.excluded.retired).toBe(3);
    expect(out.counts.excludedItems.retired).toBe(1);
    expect(out.splits).toEqual(trl([itemB], { excludeGold: false }).splits);
  });

  it("excludes gold items unless asked", () => {
    const gold = { ...itemA, isGold: true };
    expect(trl([gold]).splits.train).toEqual([]);
    expect(trl([gold]).counts.excluded.gold).toBe(3);
    expect(trl([gold], { excludeGold: false }).splits.train).toHaveLength(2);
  });

  it("excludes suspended or quarantined annotators unless asked", () => {
    const item = { ...itemA, judgments: [{ ...itemA.judgments[0]!, untrusted: true }, itemA.judgments[1]!] };
    expect(trl([item]).splits.train).toHaveLength(1);
    expect(trl([item]).counts.excluded.annotator).toBe(1);
    expect(trl([item], { excludeQuarantined: false }).splits.train).toHaveLength(2);
  });

  it("excludes answers given faster than the project's reading time unless asked", () => {
    const item = { ...itemA, judgments: [{ ...itemA.judgments[0]!, tooFast: true }, itemA.judgments[1]!] };
    expect(trl([item]).splits.train).toHaveLength(1);
    expect(trl([item]).counts.excluded.tooFast).toBe(1);
    expect(trl([item], { excludeTooFast: false }).splits.train).toHaveLength(2);
  });

  it("keeps judgments inside the date range only", () => {
    const late = { ...itemA.judgments[0]!, createdAt: "2026-03-01T00:00:00.000Z" };
    const item = { ...itemA, judgments: [late, itemA.judgments[1]!] };
    const out = trl([item], { from: "2026-02-01T00:00:00Z" });
    expect(out.splits.train).toHaveLength(1);
    expect(out.counts.excluded.date).toBe(1);
    expect(trl([item], { to: "2026-02-01T00:00:00Z" }).splits.train).toHaveLength(1);
  });

  it("minStrength drops weaker decisive judgments before anything is aggregated", () => {
    const out = trl([itemA], { minStrength: 3 });
    expect(out.splits.train).toHaveLength(1);
    expect(out.counts.excluded.strength).toBe(1);
  });

  it("minJudgments and minAgreement drop whole items", () => {
    expect(trl([itemA], { minJudgments: 4 }).splits.train).toEqual([]);
    expect(trl([itemA], { minJudgments: 4 }).counts.excluded.minJudgments).toBe(3);
    expect(trl([itemA], { minAgreement: 0.7 }).splits.train).toEqual([]);
    expect(trl([itemA], { minAgreement: 0.6 }).splits.train).toHaveLength(2);
    expect(trl([itemC], { minAgreement: 0.6667 }).splits.train).toHaveLength(8);
  });

  it("a superseded judgment never reaches the core, so an item left with none gives nothing", () => {
    const empty = { ...itemA, judgments: [] };
    const out = trl([empty]);
    expect(out.splits.train).toEqual([]);
    expect(out.counts).toMatchObject({ items: 1, judgments: 0, used: 0 });
  });

  it("a pairwise judgment without strength asked gets margin 1", () => {
    const item = {
      ...itemA,
      judgments: [judgment({ id: "n", choice: "A", shownOrder: ["c0", "c1"], ranking: [["c0"], ["c1"]] })],
    };
    expect(JSON.parse(trl([item], { include: { margin: true } }).splits.train![0]!).margin).toBe(1);
  });
});

describe("request validation", () => {
  const issues = (body: object) =>
    ZExportRequest.safeParse(body).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

  it("names the failing field", () => {
    expect(issues({ format: "csv" })[0]).toMatch(/^format:/);
    expect(issues({ format: "trl", splits: { train: 0.8, test: 0.1 } })[0]).toMatch(/^splits: fractions/);
    expect(issues({ format: "trl", splits: { Train: 1 } })[0]).toMatch(/^splits/);
    expect(issues({ format: "trl", minAgreement: 2 })[0]).toMatch(/^minAgreement:/);
    expect(issues({ format: "trl", dropTies: false })[0]).toMatch(/^dropTies:/);
    expect(issues({ format: "raw", aggregation: "majority" })[0]).toMatch(/^aggregation:/);
    expect(issues({ format: "trl", from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" })[0]).toMatch(
      /^to:/,
    );
    expect(issues({ format: "trl", surprise: 1 })[0]).toMatch(/surprise/);
  });

  it("fills the defaults: only real preferences from trusted annotators, one train split", () => {
    expect(ZExportRequest.parse({ format: "hh" })).toEqual({
      format: "hh",
      aggregation: "per-judgment",
      pairs: "all",
      dropTies: true,
      dropBothBad: true,
      excludeGold: true,
      excludeQuarantined: true,
      excludeTooFast: true,
      splits: { train: 1 },
      seed: "arbiter",
      include: { margin: false, groupId: false, metadata: false, confidence: false, softLabel: false },
      compress: true,
    });
  });
});
