import { seededRandom } from "@arbiter/aggregation";
import { describe, expect, it } from "vitest";
import { poisson, quantileSorted } from "../../src/lib/analytics/random";

describe("seeded sampling", () => {
  it.each([0.5, 4, 29, 30, 250, 20_000])("Poisson(%d) draws have mean and variance lambda", (lambda) => {
    const random = seededRandom(11);
    const n = 20_000;
    const draws = Array.from({ length: n }, () => poisson(lambda, random));
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    // Five standard errors of the mean; variance within 5 %.
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    expect(variance / lambda).toBeGreaterThan(0.95);
    expect(variance / lambda).toBeLessThan(1.05);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it("repeats a stream for a seed and interpolates quantiles like R type 7", () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
  });
});
