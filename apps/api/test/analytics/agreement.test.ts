import { describe, expect, it } from "vitest";
import {
  concordanceSums,
  kendallW,
  kendallWFromSums,
  ranksFromGroups,
} from "../../src/lib/analytics/kendall-w";
import { coincidences, krippendorffAlpha, type Value } from "../../src/lib/analytics/krippendorff";

/** Units (columns) from a coder-by-unit table in which null marks a missing value. */
function unitsOf(table: (Value | null)[][]): Value[][] {
  return table[0]!.map((_, u) => table.map((row) => row[u]).filter((v): v is Value => v !== null));
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of
// Pennsylvania, Annenberg School for Communication, Departmental Papers 43.
// https://repository.upenn.edu/asc_papers/43
describe("Krippendorff's alpha against Krippendorff (2011)'s worked examples", () => {
  it("A. binary data, two observers, no missing data: alpha = 0.095", () => {
    const table = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(unitsOf(table), "nominal")).toBeCloseTo(0.095, 3);
  });

  it("B. nominal data, two observers, no missing data: alpha = 0.692", () => {
    const table = [[..."aabbdcccedda"], [..."babbbccceddd"]];
    expect(krippendorffAlpha(unitsOf(table), "nominal")).toBeCloseTo(0.692, 3);
  });

  // C. four observers, twelve units, missing data; the paper reports alpha for each metric.
  const C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it("C. nominal metric with missing data: alpha = 0.743", () => {
    expect(krippendorffAlpha(unitsOf(C), "nominal")).toBeCloseTo(0.743, 3);
  });

  it("C. ordinal metric with missing data: alpha = 0.815", () => {
    expect(krippendorffAlpha(unitsOf(C), "ordinal")).toBeCloseTo(0.815, 3);
  });

  it("C. the coincidence matrix has the paper's marginals (n = 40 pairable values)", () => {
    const { values, o } = coincidences(unitsOf(C));
    expect(values).toEqual([1, 2, 3, 4, 5]);
    // Paper, section C: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3.
    expect(o.map((row) => row.reduce((s, x) => s + x, 0))).toEqual(
      [9, 13, 10, 5, 3].map((x) => expect.closeTo(x)),
    );
  });

  it("is undefined (null) without disagreement to expect, and 1 for perfect agreement", () => {
    expect(
      krippendorffAlpha(
        [
          ["x", "x"],
          ["x", "x"],
        ],
        "nominal",
      ),
    ).toBeNull();
    expect(krippendorffAlpha([["x"], ["y"]], "nominal")).toBeNull();
    expect(
      krippendorffAlpha(
        [
          ["x", "x"],
          ["y", "y", "y"],
        ],
        "nominal",
      ),
    ).toBe(1);
  });
});

describe("Kendall's W", () => {
  // ProofWiki, "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1":
  // 4 judges rank 3 competitors X, Y, Z; W = 1/16.
  it("matches the ProofWiki worked example (W = 1/16)", () => {
    // ranks[judge] = [X, Y, Z] for judges A, B, C, D.
    expect(
      kendallW([
        [1, 3, 2],
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ]),
    ).toBeCloseTo(1 / 16, 12);
  });

  // Kendall & Gibbons, Rank Correlation Methods (1990), eq. 6.4: the mean Spearman rho over
  // all pairs of m judges is (mW - 1) / (m - 1). rho is computed here independently.
  it("agrees with the mean pairwise Spearman rho identity", () => {
    const ranks = [
      [1, 2, 3, 4, 5, 6],
      [2, 1, 4, 3, 6, 5],
      [1, 3, 2, 6, 4, 5],
      [6, 5, 4, 3, 2, 1],
    ];
    const n = 6;
    const rho = (a: number[], b: number[]) =>
      1 - (6 * a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0)) / (n * (n * n - 1));
    const pairs: number[] = [];
    for (let i = 0; i < ranks.length; i++)
      for (let j = i + 1; j < ranks.length; j++) pairs.push(rho(ranks[i]!, ranks[j]!));
    const meanRho = pairs.reduce((s, x) => s + x, 0) / pairs.length;
    const m = ranks.length;
    expect(kendallW(ranks)! * m - 1).toBeCloseTo(meanRho * (m - 1), 12);
  });

  it("corrects for ties (worked by hand: S = 10.5, sum T = 6, W = 126 / 198 = 7/11)", () => {
    const objects = ["x", "y", "z"];
    const ranks = [
      ranksFromGroups([["x"], ["y"], ["z"]], objects),
      ranksFromGroups([["x", "y"], ["z"]], objects),
      ranksFromGroups([["x"], ["z"], ["y"]], objects),
    ];
    expect(ranks[1]).toEqual([1.5, 1.5, 3]);
    expect(concordanceSums(ranks)).toMatchObject({ judges: 3, objects: 3, sumTies: 6 });
    expect(kendallW(ranks)).toBeCloseTo(7 / 11, 12);
  });

  it("is 1 for unanimous judges and undefined for fewer than two judges or all-tied rankings", () => {
    expect(
      kendallW([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallWFromSums({ judges: 2, objects: 3, sumRankSquares: 48, sumTies: 48 })).toBeNull();
  });
});
