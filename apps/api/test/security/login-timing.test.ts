import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, postLogin } from "../support/harness";

// Neither the rate limit nor the lockout may answer early here: the comparison is between
// two paths that both check a password.
let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    LOGIN_RATE_LIMIT: "100000",
    LOGIN_ADDRESS_LIMIT: "100000",
    LOGIN_LOCKOUT_AFTER: "100000",
  });
});
afterAll(async () => h?.close());

async function timeLogin(email: string, password: string, expected: number): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await postLogin(h, email, password);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(res.statusCode).toBe(expected);
  return ms;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const iqr = (xs: number[]) => quantile(xs, 0.75) - quantile(xs, 0.25);

/**
 * Whether two timing samples are indistinguishable: their medians closer than a quarter of
 * the larger median plus half the samples' spread (IQR; about two standard errors of the
 * gap between two medians of 30). Generous on a shared, noisy machine, yet a path that skips
 * the password hash (about 50 ms here) stands outside it unless the spread exceeds 1.5
 * medians.
 */
function indistinguishable(a: number[], b: number[]) {
  const tolerance = 0.25 * Math.max(median(a), median(b)) + 0.5 * Math.max(iqr(a), iqr(b));
  return { gap: Math.abs(median(a) - median(b)), tolerance };
}

describe("sign-in timing", () => {
  it("an unknown email takes as long as a wrong password (medians of alternating samples)", async () => {
    const u = await h.user("ANNOTATOR");
    const wrong: number[] = [];
    const unknown: number[] = [];
    const validationOnly: number[] = [];
    // Warm-up: the dummy hash is computed on first use, and the JIT settles.
    for (let i = 0; i < 3; i++) {
      await timeLogin(u.email, "warm-up guess", 401);
      await timeLogin(`warm-${i}@example.com`, "warm-up guess", 401);
    }
    // Alternating, so drift in machine load hits both samples alike.
    for (let i = 0; i < 30; i++) {
      wrong.push(await timeLogin(u.email, `wrong guess ${i}`, 401));
      unknown.push(await timeLogin(`nobody-${i}@example.com`, `wrong guess ${i}`, 401));
      validationOnly.push(await timeLogin("not an email", "x", 400));
    }
    const same = indistinguishable(wrong, unknown);
    expect(same.gap, JSON.stringify(same)).toBeLessThan(same.tolerance);

    // The same yardstick tells a path that does no hashing apart: the check has the power to fail.
    const control = indistinguishable(wrong, validationOnly);
    expect(control.gap, JSON.stringify(control)).toBeGreaterThan(control.tolerance);
  }, 120_000);
});
