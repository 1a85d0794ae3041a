import { startTestIdp, type TTestIdp } from "@arbiter/testkit/oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";
import { redactUrl } from "../src/lib/log-redaction";
import { hashPassword } from "../src/lib/passwords";
import { createBrowser } from "./support/browser-flow";
import { createHarness, type Harness, PASSWORD, postLogin } from "./support/harness";

const WEB = "http://arbiter.test";
const CALLBACK = `${WEB}/api/v1/auth/oidc/lab/callback`;

const ACCOUNTS = {
  alice: {
    email: "alice@lab.example",
    email_verified: true,
    name: "Alice",
    groups: ["arbiter-researchers", "raters-a"],
  },
  bob: { email: "bob@lab.example", email_verified: false, name: "Bob", groups: [] },
  carol: { email: "carol@elsewhere.example", email_verified: true, name: "Carol", groups: [] },
  dave: { email: "dave@lab.example", email_verified: true, name: "Dave", groups: [] },
  erin: { email: "erin@lab.example", email_verified: true, name: "Erin", groups: ["arbiter-admins"] },
  fred: { email: "fred@lab.example", email_verified: true, name: "Fred", groups: [] },
};

let idp: TTestIdp;
let h: Harness;
beforeAll(async () => {
  idp = await startTestIdp(ACCOUNTS, [CALLBACK]);
  h = await createHarness({
    ARBITER_PUBLIC_URL: WEB,
    OIDC_PROVIDERS: "lab",
    OIDC_LAB_ISSUER: idp.issuer,
    OIDC_LAB_CLIENT_ID: idp.clientId,
    OIDC_LAB_CLIENT_SECRET: idp.clientSecret,
    OIDC_LAB_NAME: "Lab login",
    OIDC_LAB_ALLOWED_DOMAINS: "lab.example",
    OIDC_LAB_ROLE_CLAIM: "groups",
    OIDC_LAB_ROLE_MAP: "arbiter-admins=ADMIN,arbiter-researchers=RESEARCHER",
    OIDC_LAB_POOL_CLAIM: "groups",
    OIDC_LAB_POOL_MAP: "raters-a=Raters A",
    OIDC_REQUIRE_FOR_STAFF: "true",
  });
});
afterAll(async () => {
  await h?.close();
  await idp?.close();
});

/** A fresh browser signs in at the IdP as `sub`, starting from the sign-in page's button. */
async function ssoSignIn(
  sub: keyof typeof ACCOUNTS,
  start = "/api/v1/auth/oidc/lab/start",
  intercept?: (u: URL) => URL,
) {
  idp.signInAs(sub);
  const browser = createBrowser(h.app, WEB);
  const result = await browser.navigate(start, intercept);
  return { ...result, browser, session: browser.cookies().get("arbiter_session") };
}

const me = (session: string | undefined) =>
  h.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: `arbiter_session=${session}` } });
const auditActions = async (action: string) =>
  h.db.prisma.auditEvent.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

describe("single sign-on with OpenID Connect", () => {
  it("lists the configured providers for the sign-in page", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/auth/providers" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      providers: [{ id: "lab", name: "Lab login", startUrl: "/api/v1/auth/oidc/lab/start" }],
      ssoRequiredForStaff: true,
    });
    expect(res.body).not.toContain(idp.clientSecret);
  });

  it("start redirects to the IdP with PKCE, state and nonce, keeping them in an httpOnly cookie", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/v1/auth/oidc/lab/start",
      headers: { host: "arbiter.test" },
    });
    expect(res.statusCode).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    for (const p of ["code_challenge", "state", "nonce"])
      expect(to.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    expect(to.searchParams.get("redirect_uri")).toBe(CALLBACK);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^arbiter_oidc=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
  });

  it("signs in: creates the account with the role and pools from the claims; a second sign-in links the same account", async () => {
    const pool = await h.db.prisma.pool.create({ data: { name: "Raters A" } });
    const first = await ssoSignIn("alice");
    expect(first.landed.href).toBe(`${WEB}/`);
    expect(first.browser.cookies().has("arbiter_oidc")).toBe(false);
    const res = await me(first.session);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: "alice@lab.example", name: "Alice", role: "RESEARCHER" });
    const userId = res.json().user.id as string;
    expect(await h.db.prisma.poolMember.count({ where: { poolId: pool.id, userId } })).toBe(1);

    const second = await ssoSignIn("alice", "/api/v1/auth/oidc/lab/start?next=%2Fprojects%3Ftab%3D2");
    expect(second.landed.href).toBe(`${WEB}/projects?tab=2`);
    expect(second.session).not.toBe(first.session);
    expect((await me(second.session)).json().user.id).toBe(userId);
    expect(await h.db.prisma.user.count({ where: { email: "alice@lab.example" } })).toBe(1);
    const logins = (await auditActions("auth.sso_login")).filter((e) => e.targetId === userId);
    expect(logins.map((e) => e.data)).toEqual([
      { provider: "lab", created: true, linked: true, role: "RESEARCHER" },
      { provider: "lab", created: false, linked: false },
    ]);
  });

  it("links an existing account by verified email and keeps its role", async () => {
    const existing = await h.user("ANNOTATOR", "fred@lab.example");
    const { landed, session } = await ssoSignIn("fred");
    expect(landed.pathname).toBe("/");
    expect((await me(session)).json().user).toMatchObject({ id: existing.id, role: "ANNOTATOR" });
    const identity = await h.db.prisma.externalIdentity.findFirst({ where: { userId: existing.id } });
    expect(identity).toMatchObject({ platform: "oidc:lab", externalId: "fred" });
  });

  it("refuses a next that leaves the web app", async () => {
    const { landed } = await ssoSignIn("alice", "/api/v1/auth/oidc/lab/start?next=%2F%2Fevil.example%2F");
    expect(landed.href).toBe(`${WEB}/`);
  });

  it("a wrong state, or a callback without the browser's cookie, goes back to sign-in with sso_state_mismatch", async () => {
    const tampered = await ssoSignIn("alice", undefined, (url) => {
      if (url.href.startsWith(CALLBACK)) url.searchParams.set("state", "attacker-state-0123456789");
      return url;
    });
    expect(tampered.landed.href).toBe(`${WEB}/sign-in?error=sso_state_mismatch`);
    expect(tampered.session).toBeUndefined();

    const other = await ssoSignIn("alice");
    const callback = other.visited.find((u) => u.href.startsWith(CALLBACK))!;
    const elsewhere = createBrowser(h.app, WEB);
    const res = await elsewhere.navigate(callback.href);
    expect(res.landed.href).toBe(`${WEB}/sign-in?error=sso_state_mismatch`);
    expect(elsewhere.cookies().has("arbiter_session")).toBe(false);
  });

  it("a replayed code is refused by the IdP and signs nobody in", async () => {
    idp.signInAs("alice");
    const browser = createBrowser(h.app, WEB);
    let attempt: string | undefined;
    const first = await browser.navigate("/api/v1/auth/oidc/lab/start", (url) => {
      if (url.href.startsWith(CALLBACK)) attempt = browser.cookies().get("arbiter_oidc");
      return url;
    });
    expect(browser.cookies().get("arbiter_session")).toBeDefined();
    const callback = first.visited.find((u) => u.href.startsWith(CALLBACK))!;
    // The same code and the same attempt cookie, as someone who captured both would send them.
    const replay = await h.app.inject({
      method: "GET",
      url: `${callback.pathname}${callback.search}`,
      headers: { host: "arbiter.test", cookie: `arbiter_oidc=${attempt}` },
    });
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe(`${WEB}/sign-in?error=sso_failed`);
    expect(String(replay.headers["set-cookie"] ?? "")).not.toContain("arbiter_session=");
  });

  it("refuses an unverified email and a disallowed domain, creating no account", async () => {
    const unverified = await ssoSignIn("bob");
    expect(unverified.landed.href).toBe(`${WEB}/sign-in?error=sso_email_unverified`);
    const foreign = await ssoSignIn("carol");
    expect(foreign.landed.href).toBe(`${WEB}/sign-in?error=sso_domain_not_allowed`);
    for (const r of [unverified, foreign]) expect(r.session).toBeUndefined();
    expect(
      await h.db.prisma.user.count({
        where: { email: { in: ["bob@lab.example", "carol@elsewhere.example"] } },
      }),
    ).toBe(0);
    const failures = (await auditActions("auth.sso_failed")).map((e) => (e.data as { code: string }).code);
    expect(failures).toEqual(expect.arrayContaining(["sso_email_unverified", "sso_domain_not_allowed"]));
  });

  it("refuses a suspended account", async () => {
    const dave = await h.user("ANNOTATOR", "dave@lab.example");
    await h.db.prisma.user.update({ where: { id: dave.id }, data: { status: "SUSPENDED" } });
    const { landed, session } = await ssoSignIn("dave");
    expect(landed.href).toBe(`${WEB}/sign-in?error=account_suspended`);
    expect(session).toBeUndefined();
  });

  it("with SSO required for staff, an admin's password is refused but SSO signs them in; annotators keep passwords", async () => {
    const erin = await h.db.prisma.user.create({
      data: {
        email: "erin@lab.example",
        name: "Erin",
        role: "ADMIN",
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    const refused = await postLogin(h, "erin@lab.example", PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("sso_required");
    expect(String(refused.headers["set-cookie"] ?? "")).not.toContain("arbiter_session=");
    const wrong = await postLogin(h, "erin@lab.example", "not the password");
    expect(wrong.statusCode).toBe(401);
    expect((await postLogin(h, "fred@lab.example", PASSWORD)).statusCode).toBe(200);

    const { session } = await ssoSignIn("erin");
    expect((await me(session)).json().user).toMatchObject({ id: erin.id, role: "ADMIN" });
  });

  it("keeps the code and state of a callback out of the request log", () => {
    expect(redactUrl("/api/v1/auth/oidc/lab/callback?code=abc&state=def&iss=x")).toBe(
      "/api/v1/auth/oidc/lab/callback?[redacted]",
    );
  });

  it("an unknown provider is 404", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/auth/oidc/nope/start" });
    expect(res.statusCode).toBe(404);
  });
});

describe("OIDC settings", () => {
  const base = {
    OIDC_PROVIDERS: "lab",
    OIDC_LAB_CLIENT_ID: "arbiter",
    OIDC_LAB_CLIENT_SECRET: "s3cret-value-never-shown",
    OIDC_LAB_NAME: "Lab",
  };
  it("plain http to the issuer only for loopback in tests or when allowed", () => {
    const loopback = { ...base, OIDC_LAB_ISSUER: "http://127.0.0.1:9999" };
    expect(() => parseApiEnv({ ...loopback, NODE_ENV: "development" })).toThrow(
      /OIDC_LAB_ISSUER: must be https/,
    );
    expect(
      parseApiEnv({ ...loopback, NODE_ENV: "development", OIDC_ALLOW_INSECURE_LOOPBACK: "true" })
        .oidcProviders,
    ).toHaveLength(1);
    expect(() => parseApiEnv({ ...base, OIDC_LAB_ISSUER: "http://idp.example", NODE_ENV: "test" })).toThrow(
      /must be https/,
    );
    expect(
      parseApiEnv({ ...base, OIDC_LAB_ISSUER: "https://idp.example", NODE_ENV: "development" })
        .oidcProviders[0],
    ).toMatchObject({
      id: "lab",
      ALLOWED_DOMAINS: [],
      ROLE_MAP: [],
    });
  });
  it("names the wrong variable and never echoes a value", () => {
    const attempt = () =>
      parseApiEnv({
        ...base,
        OIDC_LAB_ISSUER: "https://idp.example",
        OIDC_LAB_ROLE_MAP: "staff=OWNER",
        OIDC_LAB_CLIENT_ID: "",
      });
    expect(attempt).toThrow(/OIDC_LAB_CLIENT_ID/);
    expect(attempt).toThrow(/OIDC_LAB_ROLE_MAP/);
    expect(attempt).not.toThrow(/s3cret/);
    expect(() => parseApiEnv({ OIDC_REQUIRE_FOR_STAFF: "true" })).toThrow(/OIDC_REQUIRE_FOR_STAFF/);
  });
});
