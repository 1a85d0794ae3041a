import { describe, expect, it } from "vitest";
import { binomialTestHalf } from "../src/lib/stats";

// Reference values computed exactly: 2·Σ_{i ≤ min(k, n−k)} C(n, i) / 2ⁿ (the middle term once), in rationals.
describe("binomialTestHalf", () => {
  it("matches the exact two-sided test", () => {
    expect(binomialTestHalf(0, 0)).toBe(1);
    expect(binomialTestHalf(5, 10)).toBeCloseTo(1, 12);
    expect(binomialTestHalf(2, 10)).toBeCloseTo(0.109375, 12);
    expect(binomialTestHalf(9, 10)).toBeCloseTo(0.021484375, 12);
    expect(binomialTestHalf(30, 40)).toBeCloseTo(0.0022214337732293643, 12);
    expect(binomialTestHalf(60, 100)).toBeCloseTo(0.05688793364098079, 12);
  });

  it("stays exact for a record of thousands of answers", () => {
    expect(binomialTestHalf(5200, 10000) / 6.593515598672442e-5).toBeCloseTo(1, 9);
    expect(binomialTestHalf(5000, 10000)).toBeCloseTo(1, 9);
    expect(binomialTestHalf(9000, 10000)).toBe(0);
  });
});
