import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, browser, createHarness, type Harness, PASSWORD, postLogin } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  // Requests come from 127.0.0.1, standing for the web app that proxies /api.
  h = await createHarness({ LOGIN_LOCKOUT_AFTER: "3", TRUST_PROXY: "127.0.0.1" });
});
afterAll(async () => h?.close());

const NEW_PASSWORD = "a completely new passphrase";

const login = (email: string, password: string) =>
  postLogin(h, email, password, { "x-forwarded-for": `10.1.0.${Math.floor(Math.random() * 250)}` });
const me = (headers: Record<string, string>) => h.app.inject({ method: "GET", url: "/api/v1/me", headers });
const change = (headers: Record<string, string>, payload: object) =>
  h.app.inject({ method: "POST", url: "/api/v1/me/password", headers, payload });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers["set-cookie"]).split(";")[0]!;

describe("changing one's own password", () => {
  it("ends every other session and every API key; the caller's browser gets a new session", async () => {
    const u = await h.user("RESEARCHER");
    const laptop = cookieOf(await login(u.email, PASSWORD));
    const res = await change(browser(u), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    // The harness's session, the laptop's and the API key.
    expect(res.json().revoked).toEqual({ sessions: 2, apiKeys: 1 });

    const fresh = cookieOf(res);
    expect(fresh).toMatch(/^arbiter_session=/);
    expect(fresh).not.toBe(u.cookie);
    expect((await me({ cookie: fresh })).statusCode).toBe(200);
    expect((await me({ cookie: u.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: laptop })).statusCode).toBe(401);
    expect((await me(bearer(u))).statusCode).toBe(401);

    expect((await login(u.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(u.email, NEW_PASSWORD)).statusCode).toBe(200);
    const audit = await h.db.prisma.auditEvent.findFirst({
      where: { action: "user.password_change", targetId: u.id },
    });
    expect(audit?.actorId).toBe(u.id);
  });

  it("works for an annotator and through an API key (which it then revokes too)", async () => {
    const u = await h.user("ANNOTATOR");
    const res = await change(bearer(u), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect((await me(bearer(u))).statusCode).toBe(401);
    expect((await me({ cookie: u.cookie })).statusCode).toBe(401);
  });

  it("a wrong current password is a 400 naming the field, changes nothing and counts towards the lockout", async () => {
    const u = await h.user("ANNOTATOR");
    for (let i = 0; i < 3; i++) {
      const res = await change(browser(u), { currentPassword: `wrong ${i}`, newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "wrong_password",
        details: [{ path: "body.currentPassword" }],
      });
    }
    expect((await me(browser(u))).statusCode).toBe(200);
    // Three failures reach the threshold: even the right password now waits.
    const locked = await change(browser(u), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login(u.email, PASSWORD)).statusCode).toBe(429);
  });

  it("refuses a weak or unchanged password with the field's path", async () => {
    const u = await h.user("ANNOTATOR");
    const short = await change(browser(u), { currentPassword: PASSWORD, newPassword: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe("body.newPassword");
    const same = await change(browser(u), { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details[0].path).toBe("body.newPassword");
    expect((await me(browser(u))).statusCode).toBe(200);
  });

  it("is refused without a credential", async () => {
    const res = await change({}, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(401);
  });
});
