import { describe, expect, it } from "vitest";
import {
  candidateGroups,
  normaliseText,
  type TCandidateCompletion,
} from "../src/features/item-building/candidates";

const c = (id: string, source: string, sampleIndex: number, text = `answer ${id}`): TCandidateCompletion => ({
  id,
  source,
  sampleIndex,
  text,
});
const ids = (groups: TCandidateCompletion[][]) => groups.map((g) => g.map((x) => x.id));

describe("candidate groups for one prompt", () => {
  it("cross-generator: one pair per pair of sources, first samples first", () => {
    const all = [c("a1", "A", 1), c("a0", "A", 0), c("b0", "B", 0), c("c0", "C", 0)];
    expect(ids(candidateGroups(all, "cross-generator", 2, true).groups)).toEqual([
      ["a0", "b0"],
      ["a0", "c0"],
      ["b0", "c0"],
    ]);
  });

  it("skips identical answers (up to case, spacing and punctuation) and takes the next sample", () => {
    const all = [c("a0", "A", 0, "Paris."), c("a1", "A", 1, "Lyon"), c("b0", "B", 0, "  paris ")];
    const { groups, skippedIdentical } = candidateGroups(all, "cross-generator", 2, true);
    expect(ids(groups)).toEqual([["a1", "b0"]]);
    expect(skippedIdentical).toBe(0);
    const only = candidateGroups(
      [c("a0", "A", 0, "Yes!"), c("b0", "B", 0, "yes")],
      "cross-generator",
      2,
      true,
    );
    expect(only).toEqual({ groups: [], skippedIdentical: 1 });
    expect(
      candidateGroups([c("a0", "A", 0, "Yes!"), c("b0", "B", 0, "yes")], "cross-generator", 2, false).groups,
    ).toHaveLength(1);
  });

  it("same-generator: disjoint consecutive samples of each source", () => {
    const all = [0, 1, 2, 3, 4].map((i) => c(`a${i}`, "A", i)).concat([c("b0", "B", 0)]);
    expect(ids(candidateGroups(all, "same-generator", 2, true).groups)).toEqual([
      ["a0", "a1"],
      ["a2", "a3"],
    ]);
  });

  it("k-wise: round-robin over sources, cut into groups of K, identical ones left out", () => {
    const all = [
      c("a0", "A", 0),
      c("a1", "A", 1),
      c("b0", "B", 0),
      c("b1", "B", 1, "Answer A1."),
      c("c0", "C", 0),
      c("c1", "C", 1),
    ];
    const { groups, skippedIdentical } = candidateGroups(all, "k-wise", 3, true);
    // b1 says what a1 says, so the second group is left with two: not enough for K = 3.
    expect(ids(groups)).toEqual([["a0", "b0", "c0"]]);
    expect(skippedIdentical).toBe(1);
    expect(ids(candidateGroups(all, "k-wise", 2, true).groups)).toEqual([
      ["a0", "b0"],
      ["c0", "a1"],
      ["b1", "c1"],
    ]);
  });

  it("normalises text for comparison only", () => {
    expect(normaliseText("  Hello,\n  WORLD!! ")).toBe("hello world");
    expect(normaliseText("ｆｕｌｌ width")).toBe("full width");
  });
});
