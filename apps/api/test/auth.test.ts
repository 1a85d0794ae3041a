import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/lib/tokens";
import { seedProject } from "./support/annotation";
import {
  bearer,
  browser,
  createHarness,
  type Harness,
  PASSWORD,
  postLogin,
  setUserStatus,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  // The test requests come from 127.0.0.1, standing for the web app that proxies /api and
  // says who its client was in X-Forwarded-For.
  h = await createHarness({ LOGIN_RATE_LIMIT: "5", TRUST_PROXY: "127.0.0.1" });
});
afterAll(async () => h?.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  postLogin(h, email, password, {
    "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 250)}`,
    ...headers,
  });

describe("sign-in", () => {
  it("a good password returns the user and an httpOnly SameSite=Lax session cookie", async () => {
    const u = await h.user("RESEARCHER");
    const res = await login(u.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: u.email, role: "RESEARCHER", status: "ACTIVE" });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^arbiter_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await h.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(u.id);
  });

  it("the cookie is Secure when the request came over https", async () => {
    const u = await h.user("ANNOTATOR");
    const res = await login(u.email, PASSWORD, { "x-forwarded-proto": "https" });
    expect(String(res.headers["set-cookie"])).toMatch(/Secure/);
  });

  it("a bad password or unknown email is 401 with the same message, and no cookie", async () => {
    const u = await h.user("ANNOTATOR");
    const wrong = await login(u.email, "not the password");
    const unknown = await login("nobody@example.com", "whatever1");
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: "invalid_credentials", message: "Email or password is incorrect" },
      });
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("every sign-in gets a new session id (no fixation) and the session is stored hashed", async () => {
    const u = await h.user("ANNOTATOR");
    const a = String((await login(u.email, PASSWORD)).headers["set-cookie"]).split(";")[0]!;
    const b = String((await login(u.email, PASSWORD)).headers["set-cookie"]).split(";")[0]!;
    expect(a).not.toBe(b);
    const raw = a.split("=")[1]!;
    const stored = await h.db.prisma.session.findMany({ where: { userId: u.id } });
    expect(stored.some((s) => s.tokenHash === raw)).toBe(false);
  });

  it("is rate-limited per address and account", async () => {
    const u = await h.user("ANNOTATOR");
    const headers = { "x-forwarded-for": "192.0.2.7" };
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login(u.email, "wrong-password", headers)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await login(u.email, PASSWORD, headers);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login(u.email, PASSWORD, { "x-forwarded-for": "192.0.2.8" })).statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("logout revokes the session server-side", async () => {
    const u = await h.user("ANNOTATOR");
    const out = await h.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: browser(u) });
    expect(out.statusCode).toBe(204);
    const me = await h.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: u.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("suspension ends sessions and API keys at once; reinstating revives neither", async () => {
    const admin = await h.user("ADMIN");
    const u = await h.user("RESEARCHER");
    const suspend = await setUserStatus(h, admin, u.id, "SUSPENDED");
    expect(suspend.statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: u.cookie } })).statusCode,
    ).toBe(401);
    expect((await h.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(u) })).statusCode).toBe(
      401,
    );
    // The right password learns the account is suspended; a wrong one learns nothing new.
    const refused = await login(u.email, PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("account_suspended");
    expect(refused.json().error.message).toMatch(/This account is suspended/);
    expect(refused.headers["set-cookie"]).toBeUndefined();
    const guessed = await login(u.email, "not the password");
    expect(guessed.statusCode).toBe(401);
    expect(guessed.json().error.code).toBe("invalid_credentials");

    await setUserStatus(h, admin, u.id, "ACTIVE");
    expect(
      (await h.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: u.cookie } })).statusCode,
    ).toBe(401);
    // The key was revoked, not just refused while the account was suspended.
    expect((await h.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(u) })).statusCode).toBe(
      401,
    );
    const keys = await h.db.prisma.apiKey.findMany({ where: { userId: u.id } });
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.revokedAt !== null)).toBe(true);
    // The account itself works again.
    expect((await login(u.email, PASSWORD)).statusCode).toBe(200);
    const events = await h.db.prisma.auditEvent.findMany({
      where: { targetId: u.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["user.suspend", "user.reinstate"]);
  });
});

describe("idle sessions", () => {
  const me = (cookie: string) => h.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
  const lastSeen = (cookie: string, ago: string) =>
    h.db.pool.query("UPDATE sessions SET last_seen_at = now() - $2::interval WHERE token_hash = $1", [
      hashToken(cookie.split("=")[1]!),
      ago,
    ]);

  it("a session unused for SESSION_IDLE_MINUTES (120) has ended, though its absolute limit is days away", async () => {
    const u = await h.user("RESEARCHER");
    await lastSeen(u.cookie, "121 minutes");
    const res = await me(u.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/session has ended/);
    // Using it does not bring it back.
    expect((await me(u.cookie)).statusCode).toBe(401);
    expect((await h.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(u) })).statusCode).toBe(
      200,
    );
  });

  it("a session used within the limit goes on, and its use is recorded", async () => {
    const u = await h.user("RESEARCHER");
    await lastSeen(u.cookie, "100 minutes");
    expect((await me(u.cookie)).statusCode).toBe(200);
    const { rows } = await h.db.pool.query<{ idle: number }>(
      "SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM sessions WHERE user_id = $1",
      [u.id],
    );
    expect(rows[0]!.idle).toBeLessThan(60);
  });

  it("an idle session is refused on the annotation hot path too", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 2 });
    await lastSeen(a.cookie, "3 hours");
    const lease = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/assignments`,
      headers: browser(a),
    });
    expect(lease.statusCode).toBe(401);
    expect(await h.db.prisma.assignment.count({ where: { annotatorId: a.id } })).toBe(0);
  });
});

describe("API keys", () => {
  it("are shown once, stored hashed, authenticate as Bearer, and stop working when revoked", async () => {
    const u = await h.user("RESEARCHER");
    const created = await h.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: browser(u),
      payload: { name: "training script" },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, token } = created.json();
    expect(token).toMatch(/^arb_[\w-]{8}_[\w-]{40,}$/);
    expect(token.startsWith(apiKey.prefix)).toBe(true);
    const stored = await h.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await h.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(u.id);

    const list = await h.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: browser(u) });
    expect(JSON.stringify(list.json())).not.toContain(token);

    const del = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${apiKey.id}`,
      headers: browser(u),
    });
    expect(del.statusCode).toBe(204);
    const after = await h.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it("cannot be created with an API key, nor from a session whose password check is old", async () => {
    const u = await h.user("RESEARCHER");
    const create = (headers: Record<string, string>) =>
      h.app.inject({ method: "POST", url: "/api/v1/api-keys", headers, payload: { name: "minted" } });
    const confirm = (headers: Record<string, string>, password: string) =>
      h.app.inject({ method: "POST", url: "/api/v1/auth/confirm-password", headers, payload: { password } });

    const byKey = await create(bearer(u));
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().error.code).toBe("session_required");
    expect((await confirm(bearer(u), PASSWORD)).json().error.code).toBe("session_required");

    // Signed in 20 minutes ago: the cookie alone no longer mints keys.
    await h.db.pool.query(
      "UPDATE sessions SET password_checked_at = now() - interval '20 minutes' WHERE user_id = $1",
      [u.id],
    );
    const stale = await create(browser(u));
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error).toMatchObject({
      code: "password_check_required",
      message: expect.stringMatching(/confirm-password/),
    });
    const wrong = await confirm(browser(u), "not the password");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("wrong_password");
    expect((await create(browser(u))).statusCode).toBe(403);

    expect((await confirm(browser(u), PASSWORD)).statusCode).toBe(204);
    expect((await create(browser(u))).statusCode).toBe(201);
    expect(await h.db.prisma.apiKey.count({ where: { userId: u.id, name: "minted" } })).toBe(1);
  });

  it("a bad bearer token is 401 even with a valid cookie alongside", async () => {
    const u = await h.user("RESEARCHER");
    const res = await h.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: u.cookie, authorization: "Bearer arb_nope_nope" },
    });
    expect(res.statusCode).toBe(401);
  });

  it("cannot be revoked by another user", async () => {
    const a = await h.user("RESEARCHER");
    const b = await h.user("RESEARCHER");
    const key = await h.db.prisma.apiKey.findFirstOrThrow({ where: { userId: a.id } });
    const res = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${key.id}`,
      headers: bearer(b),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated write from another site", async () => {
    const u = await h.user("RESEARCHER");
    for (const headers of [
      { cookie: u.cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { cookie: u.cookie, origin: "https://evil.example", host: "localhost:3000" },
    ]) {
      const res = await h.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers,
        payload: { name: "x" },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("cross_origin_request");
    }
    expect(await h.db.prisma.apiKey.count({ where: { userId: u.id, name: "x" } })).toBe(0);
  });

  it("refuses a cross-site login, accepts same-origin writes and API-key writes from anywhere", async () => {
    const u = await h.user("RESEARCHER");
    const cross = await h.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "sec-fetch-site": "cross-site" },
      payload: { email: u.email, password: PASSWORD },
    });
    expect(cross.statusCode).toBe(403);
    const same = await h.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: browser(u),
      payload: { name: "y" },
    });
    expect(same.statusCode).toBe(201);
    // (An API key may write from anywhere; creating API keys is the one thing it may not do.)
    const key = await h.app.inject({
      method: "POST",
      url: "/api/v1/projects",
      headers: { ...bearer(u), origin: "https://elsewhere.example" },
      payload: { name: "z" },
    });
    expect(key.statusCode).toBe(201);
  });
});
