import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/lib/analytics/wilson";

// Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
// comparison of seven methods. Statistics in Medicine 17, 857-872. Table I, method 3
// (score method without continuity correction), 95 % intervals to four decimals.
const NEWCOMBE_TABLE_I: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0, 0.1611],
  [1, 29, 0.0061, 0.1718],
];

describe("Wilson score interval", () => {
  it.each(NEWCOMBE_TABLE_I)("%i/%i matches Newcombe (1998) Table I", (k, n, low, high) => {
    const ci = wilsonInterval(k, n)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it("is symmetric in successes and failures and null without trials", () => {
    const a = wilsonInterval(3, 10)!;
    const b = wilsonInterval(7, 10)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
