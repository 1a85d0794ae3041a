import type { ExportItem } from "@arbiter/export";
import { ZExportRequest, ZKtoConversationalRow, ZKtoTextRow } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { itemA, itemB, itemC, judgment, runExport } from "./fixtures";

const conversation = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "Capital of France?" },
];
const text = (completion: string, label: boolean) =>
  JSON.stringify({ prompt: "What is 2+2?", completion, label });
const chat = (content: string, label: boolean) =>
  JSON.stringify({ prompt: conversation, completion: [{ role: "assistant", content }], label });

/** Every annotator said both completions are bad. */
const itemD: ExportItem = {
  ...itemA,
  id: "item-d",
  promptHash: "hash-d",
  judgments: ["j10", "j11", "j12"].map((id) =>
    judgment({ id, choice: "both_bad", shownOrder: ["c0", "c1"], ranking: null }),
  ),
};

describe("kto", () => {
  it("per judgment: chosen true, rejected false, both-bad two false, a tie nothing; conversational form for a conversation", () => {
    const out = runExport([itemA, itemB], { format: "kto", dropBothBad: false });
    expect(out.splits.train).toEqual([
      text("4", true),
      text("5", false),
      text("4", true),
      text("5", false),
      chat("Lyon", true),
      chat("Paris", false),
      chat("Paris", false),
      chat("Lyon", false),
      chat("Paris", true),
      chat("Lyon", false),
    ]);
    expect(out.labels).toEqual({ true: 4, false: 6 });
    expect(out.counts.excluded.tie).toBe(1);
    const rows = out.splits.train!.map((l) => JSON.parse(l));
    expect(rows.slice(0, 4).every((r) => ZKtoTextRow.safeParse(r).success)).toBe(true);
    expect(rows.slice(4).every((r) => ZKtoConversationalRow.safeParse(r).success)).toBe(true);
  });

  it("both-bad by every aggregation gives two false rows", () => {
    for (const aggregation of ["per-judgment", "majority", "dawid-skene"] as const) {
      const out = runExport([itemD], { format: "kto", aggregation, dropBothBad: false });
      const perItem = aggregation === "per-judgment" ? 3 : 1;
      expect(out.labels, aggregation).toEqual({ true: 0, false: 2 * perItem });
      expect(out.splits.train!.slice(0, 2), aggregation).toEqual([text("4", false), text("5", false)]);
    }
  });

  it("works with every aggregation; the balance counts the rows written", () => {
    for (const aggregation of ["per-judgment", "majority", "dawid-skene"] as const) {
      const out = runExport([itemA, itemB, itemC, itemD], {
        format: "kto",
        aggregation,
        dropBothBad: false,
        include: { groupId: true, metadata: true, confidence: aggregation === "dawid-skene" },
      });
      const rows = out.splits.train!.map((l) => JSON.parse(l));
      expect(rows.length, aggregation).toBe(out.labels.true + out.labels.false);
      expect(rows.filter((r) => r.label).length, aggregation).toBe(out.labels.true);
      for (const row of rows) {
        const ok = ZKtoTextRow.safeParse(row).success || ZKtoConversationalRow.safeParse(row).success;
        expect(ok, JSON.stringify(row)).toBe(true);
        expect(row.group_id).toMatch(/^hash-/);
        if (aggregation === "dawid-skene") expect(row.confidence).toBeGreaterThan(0);
        else expect(row).not.toHaveProperty("confidence");
      }
    }
  });

  it("a ranking: the best group true and the worst false, the middle left out", () => {
    const out = runExport([itemC], { format: "kto", aggregation: "majority" });
    expect(out.splits.train!.map((l) => JSON.parse(l)).map((r) => `${r.completion}:${r.label}`)).toEqual([
      "X:true",
      "Z:false",
    ]);
  });

  it("majority: one set per item from its leading answer", () => {
    const out = runExport([itemA, itemB], { format: "kto", aggregation: "majority" });
    expect(out.splits.train).toEqual([text("4", true), text("5", false)]);
    expect(out.counts.excluded.noMajority).toBe(3);
  });

  it("refuses what a kto row cannot hold: ties and a margin", () => {
    const tie = ZExportRequest.safeParse({ format: "kto", dropTies: false });
    expect(tie.error?.issues.map((i) => i.path.join("."))).toEqual(["dropTies"]);
    const margin = ZExportRequest.safeParse({ format: "kto", include: { margin: true } });
    expect(margin.error?.issues.map((i) => i.path.join("."))).toEqual(["include.margin"]);
  });
});
