import { describe, expect, it } from "vitest";
import { percentile } from "../src";

describe("percentile", () => {
  it("picks the nearest-rank value of an ascending list", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(51);
    expect(percentile(xs, 95)).toBe(96);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it("is NaN for no measurements", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
