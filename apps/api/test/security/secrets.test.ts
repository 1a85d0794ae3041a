import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/lib/passwords";
import { type ApiProcess, startApi } from "../support/processes";

const PASSWORD = "a long and secret password 7d1";
const INVITEE_PASSWORD = "the invitee's own secret 55a";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let db: TestDatabase;
let api: ApiProcess;
const secrets: Record<string, string> = {};

async function call(
  method: string,
  path: string,
  init: { token?: string; cookie?: string; body?: object } = {},
) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie, origin: api.url, "sec-fetch-site": "same-origin" } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return {
    status: res.status,
    json: (await res.json().catch(() => ({}))) as { token: string; pool: { id: string } },
    setCookie: res.headers.get("set-cookie"),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.user.create({
    data: {
      email: "admin@secrets.example",
      name: "Admin",
      role: "ADMIN",
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  // The production logger (redaction included) at its most talkative level.
  api = await startApi({ DATABASE_URL: db.url, LOG_LEVEL: "trace" });

  const login = await call("POST", "/api/v1/auth/login", {
    body: { email: "admin@secrets.example", password: PASSWORD },
  });
  expect(login.status).toBe(200);
  secrets.session = /arbiter_session=([^;]+)/.exec(login.setCookie ?? "")![1]!;
  const cookie = `arbiter_session=${secrets.session}`;
  const key = await call("POST", "/api/v1/api-keys", { cookie, body: { name: "ci" } });
  expect(key.status).toBe(201);
  secrets.apiKey = key.json.token;
  expect((await call("GET", "/api/v1/me", { token: secrets.apiKey })).status).toBe(200);
  const pool = await call("POST", "/api/v1/pools", { token: secrets.apiKey, body: { name: "p" } });
  const invite = await call("POST", `/api/v1/pools/${pool.json.pool.id}/invites`, {
    token: secrets.apiKey,
    body: {},
  });
  expect(invite.status).toBe(201);
  secrets.invite = invite.json.token;
  expect((await call("GET", `/api/v1/invites/${secrets.invite}`)).status).toBe(200);
  const accepted = await call("POST", `/api/v1/invites/${secrets.invite}/accept`, {
    body: { name: "Invitee", email: "invitee@secrets.example", password: INVITEE_PASSWORD },
  });
  expect(accepted.status).toBeLessThan(300);
  // A failed attempt logs too: the wrong password must not show up either.
  await call("POST", "/api/v1/auth/login", {
    body: { email: "admin@secrets.example", password: `${PASSWORD}-wrong` },
  });
}, 120_000);

afterAll(async () => {
  await api?.kill("SIGTERM");
  await db?.drop();
});

describe("secrets at rest and in logs", () => {
  it("logs (at trace level) never contain a password, session token, API key or invite token", () => {
    const logs = api.output();
    expect(logs).toContain("incoming request");
    for (const [name, value] of Object.entries({ ...secrets, PASSWORD, INVITEE_PASSWORD })) {
      expect(logs.includes(value), `${name} appears in the logs`).toBe(false);
    }
  });

  it("tokens are stored only as SHA-256 hashes; passwords with salted scrypt", async () => {
    const { rows: sessions } = await db.pool.query("SELECT token_hash FROM sessions");
    expect(sessions.map((s) => s.token_hash)).toContain(sha256(secrets.session!));
    const { rows: keys } = await db.pool.query("SELECT key_hash FROM api_keys");
    expect(keys.map((k) => k.key_hash)).toEqual([sha256(secrets.apiKey!)]);
    const { rows: invites } = await db.pool.query("SELECT token_hash FROM invites");
    expect(invites.map((i) => i.token_hash)).toEqual([sha256(secrets.invite!)]);

    const { rows: users } = await db.pool.query<{ password_hash: string }>("SELECT password_hash FROM users");
    const hashes = users.map((u) => u.password_hash);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const hash of hashes) {
      const [scheme, n] = hash.split("$");
      expect(scheme).toBe("scrypt");
      expect(Number(n)).toBeGreaterThanOrEqual(2 ** 15);
    }
    const dump = JSON.stringify(
      (await db.pool.query("SELECT * FROM users u, sessions s, api_keys k, invites i, audit_events a")).rows,
    );
    for (const [name, value] of Object.entries({ ...secrets, PASSWORD, INVITEE_PASSWORD })) {
      expect(dump.includes(value), `${name} is stored in clear`).toBe(false);
    }
  });
});
