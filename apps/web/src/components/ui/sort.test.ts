import { describe, expect, it } from "vitest";
import { nextSort, sortRows } from "./sort";

type Row = { name: string; score: number | null };
const rows: Row[] = [
  { name: "bea", score: 0.4 },
  { name: "Al", score: null },
  { name: "cy", score: 0.9 },
];
const value = (r: Row, k: "name" | "score") => r[k];

describe("sortRows", () => {
  it("orders numbers both ways and keeps missing values last", () => {
    expect(sortRows(rows, { key: "score", dir: "asc" }, value).map((r) => r.name)).toEqual([
      "bea",
      "cy",
      "Al",
    ]);
    expect(sortRows(rows, { key: "score", dir: "desc" }, value).map((r) => r.name)).toEqual([
      "cy",
      "bea",
      "Al",
    ]);
  });
  it("orders text without regard to case", () => {
    expect(sortRows(rows, { key: "name", dir: "asc" }, value).map((r) => r.name)).toEqual([
      "Al",
      "bea",
      "cy",
    ]);
  });
  it("does not reorder its input", () => {
    sortRows(rows, { key: "name", dir: "desc" }, value);
    expect(rows[0]!.name).toBe("bea");
  });
});

describe("nextSort", () => {
  it("flips the current column and starts a new one in its natural direction", () => {
    expect(nextSort({ key: "a", dir: "asc" }, "a", "desc")).toEqual({ key: "a", dir: "desc" });
    expect(nextSort<"a" | "b">({ key: "a", dir: "asc" }, "b", "desc")).toEqual({ key: "b", dir: "desc" });
  });
});
