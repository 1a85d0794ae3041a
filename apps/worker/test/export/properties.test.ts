import { EXCLUSION_REASONS, type ExportItem, pairsOf } from "@arbiter/export";
import {
  EXPORT_FORMATS,
  ZHhRow,
  ZKtoConversationalRow,
  ZKtoTextRow,
  ZOpenAiDpoRow,
  ZRankedRow,
  ZRawRow,
  ZTrlConversationalRow,
  ZTrlTextRow,
} from "@arbiter/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgment, runExport } from "./fixtures";

const arbRanking = (ids: string[]) =>
  fc
    .tuple(
      fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
      fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
    )
    .map(([order, cuts]) => {
      const groups: string[][] = [];
      order.forEach((id, i) => {
        if (i === 0 || cuts[i]) groups.push([id]);
        else groups.at(-1)!.push(id);
      });
      return groups;
    });

const arbItem = (index: number) =>
  fc
    .record({
      k: fc.integer({ min: 2, max: 5 }),
      prompt: fc.integer({ min: 0, max: 12 }),
      isGold: fc.boolean(),
      retired: fc.boolean(),
      conversation: fc.boolean(),
    })
    .chain(({ k, prompt, isGold, retired, conversation }) => {
      const ids = Array.from({ length: k }, (_, i) => `i${index}c${i}`);
      const arbJudgment = fc.record({
        ranking: k === 2 ? fc.option(arbRanking(ids), { nil: null }) : arbRanking(ids),
        strength: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        untrusted: fc.boolean(),
        tooFast: fc.boolean(),
        annotator: fc.uuid(),
        day: fc.integer({ min: 1, max: 28 }),
      });
      return fc.array(arbJudgment, { maxLength: 5 }).map(
        (js): ExportItem => ({
          id: `item-${index}`,
          isGold,
          retired,
          promptHash: `prompt-${prompt}`,
          prompt: conversation
            ? { messages: [{ role: "user", content: `prompt ${prompt}` }] }
            : { text: `prompt ${prompt}` },
          completions: ids.map((id) => ({
            id,
            text: `text of ${id}`,
            model: "m",
            generator: null,
            params: {},
          })),
          judgments: js.map((j, n) =>
            judgment({
              id: `${index}-${n}`,
              annotatorId: j.annotator,
              untrusted: j.untrusted,
              tooFast: j.tooFast,
              ranking: j.ranking,
              shownOrder: ids,
              strength: k === 2 && j.ranking && j.ranking.length === 2 ? j.strength : null,
              choice: k !== 2 ? null : j.ranking === null ? "both_bad" : j.ranking.length === 1 ? "tie" : "A",
              createdAt: `2026-02-${String(j.day).padStart(2, "0")}T00:00:00.000Z`,
            }),
          ),
        }),
      );
    });

const arbItems = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbItem(i))));

const arbRequest = fc
  .record({
    format: fc.constantFrom(...EXPORT_FORMATS),
    aggregation: fc.constantFrom("per-judgment" as const, "majority" as const, "dawid-skene" as const),
    pairs: fc.constantFrom("all" as const, "adjacent" as const, "best-vs-rest" as const),
    minStrength: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    minJudgments: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    minAgreement: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    excludeGold: fc.boolean(),
    excludeQuarantined: fc.boolean(),
    from: fc.option(fc.constant("2026-02-10T00:00:00Z"), { nil: undefined }),
    seed: fc.string({ minLength: 1, maxLength: 8 }),
    splits: fc.constantFrom<Record<string, number>>(
      { train: 1 },
      { train: 0.9, test: 0.1 },
      { a: 0.5, b: 0.3, c: 0.2 },
    ),
  })
  .map((r) => ({
    ...r,
    aggregation: r.format === "raw" ? ("per-judgment" as const) : r.aggregation,
    include: { margin: false, groupId: true, metadata: true },
  }));

const SCHEMAS = {
  trl: ZTrlTextRow.or(ZTrlConversationalRow),
  hh: ZHhRow,
  "openai-dpo": ZOpenAiDpoRow,
  kto: ZKtoTextRow.or(ZKtoConversationalRow),
  ranked: ZRankedRow,
  raw: ZRawRow,
};

/** The prompt of a line, from group_id (pair and ranked formats) or the raw row's item. */
function promptOf(line: string, items: ExportItem[]): string {
  const row = JSON.parse(line);
  return row.group_id ?? items.find((i) => i.id === row.item_id)!.promptHash;
}

describe("export invariants", () => {
  it("every row fits its format and no prompt appears in two splits", () => {
    fc.assert(
      fc.property(arbItems, arbRequest, (items, req) => {
        const out = runExport(items, req);
        const seen = new Map<string, string>();
        for (const [split, lines] of Object.entries(out.splits)) {
          for (const line of lines) {
            SCHEMAS[req.format].parse(JSON.parse(line));
            const prompt = promptOf(line, items);
            expect(seen.get(prompt) ?? split).toBe(split);
            seen.set(prompt, split);
          }
        }
      }),
    );
  });

  it("the same data and request give identical lines, whatever order the splits were listed in", () => {
    fc.assert(
      fc.property(arbItems, arbRequest, (items, req) => {
        const reversed = Object.fromEntries(Object.entries(req.splits).reverse());
        expect(runExport(items, { ...req, splits: reversed }).splits).toEqual(runExport(items, req).splits);
      }),
    );
  });

  it("a prompt keeps its split when more data arrives", () => {
    fc.assert(
      fc.property(arbItems, arbItems, arbRequest, (before, more, req) => {
        const added = more.map((m, i) => ({ ...m, id: `more-${i}` }));
        const splitsOf = (items: ExportItem[]) => {
          const out = runExport(items, req);
          const map = new Map<string, string>();
          for (const [split, lines] of Object.entries(out.splits))
            for (const line of lines) map.set(promptOf(line, items), split);
          return map;
        };
        const small = splitsOf(before);
        const large = splitsOf([...before, ...added]);
        for (const [prompt, split] of small) {
          // Under Dawid–Skene new answers elsewhere move the reliabilities, so an item's
          // answer (and whether it gives a row at all) may change; its split may not.
          if (req.aggregation === "dawid-skene" && !large.has(prompt)) continue;
          expect(large.get(prompt)).toBe(split);
        }
      }),
    );
  });

  it("every judgment read is used or excluded for exactly one reason; rows add up", () => {
    fc.assert(
      fc.property(arbItems, arbRequest, (items, req) => {
        const { counts, splits } = runExport(items, req);
        const excluded = EXCLUSION_REASONS.reduce((s, r) => s + counts.excluded[r], 0);
        expect(counts.used + excluded).toBe(counts.judgments);
        expect(counts.judgments).toBe(items.reduce((s, i) => s + i.judgments.length, 0));
        if (req.format === "raw") {
          expect(Object.values(splits).flat()).toHaveLength(counts.used);
        }
      }),
    );
  });

  it("every pair prefers one completion over a different one", () => {
    fc.assert(
      fc.property(
        arbRanking(["a", "b", "c", "d", "e"]),
        fc.constantFrom("all" as const, "adjacent" as const, "best-vs-rest" as const),
        (ranking, mode) => {
          const pairs = pairsOf(ranking, mode);
          const group = (id: string) => ranking.findIndex((g) => g.includes(id));
          for (const p of pairs) {
            expect(p.chosen).not.toBe(p.rejected);
            expect(group(p.chosen)).toBeLessThan(group(p.rejected));
          }
          expect(new Set(pairs.map((p) => `${p.chosen}>${p.rejected}`)).size).toBe(pairs.length);
        },
      ),
    );
  });

  it("annotator ids never appear in a file", () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const out = runExport(items, { format: "raw", excludeGold: false, excludeQuarantined: false });
        const text = Object.values(out.splits).flat().join("\n");
        for (const item of items) for (const j of item.judgments) expect(text).not.toContain(j.annotatorId);
      }),
    );
  });
});
