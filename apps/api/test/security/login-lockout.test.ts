import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD, postLogin } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    LOGIN_LOCKOUT_AFTER: "3",
    LOGIN_LOCKOUT_BASE_SECONDS: "10",
    LOGIN_LOCKOUT_MAX_SECONDS: "25",
    // Requests come from 127.0.0.1, standing for the web app that proxies /api.
    TRUST_PROXY: "127.0.0.1",
  });
});
afterAll(async () => h?.close());

let address = 0;
// Every attempt from a new address: what is tested here is the per-account lock, which the
// per-address rate limit cannot provide against a botnet.
const login = (email: string, password: string) =>
  postLogin(h, email, password, { "x-forwarded-for": `10.2.${address >> 8}.${address++ & 255}` });

/** Ends the current lock as if its time had passed, keeping the failure count. */
const expireLock = () =>
  h.db.pool.query("UPDATE login_throttles SET locked_until = now() - interval '1 second'");

describe("per-account lockout", () => {
  it("locks after the threshold with a growing, capped Retry-After; then even the right password waits", async () => {
    const u = await h.user("ANNOTATOR");
    for (let i = 0; i < 3; i++) expect((await login(u.email, `wrong ${i}`)).statusCode).toBe(401);

    const locked = await login(u.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({
      code: "account_locked",
      message: expect.stringMatching(/try again in \d+ seconds/),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const first = Number(locked.headers["retry-after"]);
    expect(first).toBeGreaterThan(8);
    expect(first).toBeLessThanOrEqual(10);

    await expireLock();
    expect((await login(u.email, "wrong again")).statusCode).toBe(401);
    const second = Number((await login(u.email, PASSWORD)).headers["retry-after"]);
    expect(second).toBeGreaterThan(18);
    expect(second).toBeLessThanOrEqual(20);

    await expireLock();
    expect((await login(u.email, "and again")).statusCode).toBe(401);
    const capped = Number((await login(u.email, PASSWORD)).headers["retry-after"]);
    expect(capped).toBeGreaterThan(23);
    expect(capped).toBeLessThanOrEqual(25);

    // Once the lock has run out, the right password gets in and the count starts over.
    await expireLock();
    expect((await login(u.email, PASSWORD)).statusCode).toBe(200);
    expect((await login(u.email, "one slip")).statusCode).toBe(401);
    expect((await login(u.email, PASSWORD)).statusCode).toBe(200);
  });

  it("an unknown email locks exactly like a real one, so a lock reveals no account", async () => {
    const known = await h.user("ANNOTATOR");
    const unknown = "nobody-here@example.com";
    const codes = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await login(email, `guess ${i}`)).statusCode);
      return out;
    };
    expect(await codes(unknown)).toEqual([401, 401, 401, 429]);
    expect(await codes(known.email)).toEqual([401, 401, 401, 429]);
  });

  it("locks one account only, and stores no email in clear", async () => {
    const victim = await h.user("ANNOTATOR");
    const bystander = await h.user("ANNOTATOR");
    for (let i = 0; i < 4; i++) await login(victim.email, `wrong ${i}`);
    expect((await login(victim.email, PASSWORD)).statusCode).toBe(429);
    expect((await login(bystander.email, PASSWORD)).statusCode).toBe(200);
    const { rows } = await h.db.pool.query("SELECT * FROM login_throttles");
    expect(JSON.stringify(rows)).not.toContain("@example.com");
  });
});
