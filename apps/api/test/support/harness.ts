import type { TRole } from "@arbiter/shared";
import { createTestDatabase, type TestDatabase } from "@arbiter/testkit";
import { type App, buildApp } from "../../src/app";
import { parseApiEnv } from "../../src/env";
import { createApiKey } from "../../src/features/api-keys/service";
import { hashPassword } from "../../src/lib/passwords";

export const PASSWORD = "correct horse battery staple";
export const ORIGIN = "http://localhost:3000";

export type TestUser = { id: string; email: string; role: TRole; cookie: string; token: string };

export type Harness = {
  app: App;
  db: TestDatabase;
  /** Creates a user and returns both a session cookie and an API key for them. */
  user: (role: TRole, email?: string) => Promise<TestUser>;
  close: () => Promise<void>;
};

let passwordHash: Promise<string> | undefined;
let counter = 0;

export async function createHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const config = parseApiEnv({ DATABASE_URL: db.url, LOG_LEVEL: "silent", NODE_ENV: "test", ...env });
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  passwordHash ??= hashPassword(PASSWORD);

  async function user(role: TRole, email?: string): Promise<TestUser> {
    counter += 1;
    const address = email ?? `${role.toLowerCase()}${counter}@example.com`;
    const created = await db.prisma.user.create({
      data: { email: address, name: `${role} ${counter}`, role, passwordHash: await passwordHash! },
    });
    const res = await postLogin({ app }, address, PASSWORD);
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
    const { token } = await createApiKey(app.db, created.id, { name: "test" });
    return { id: created.id, email: address, role, cookie, token };
  }

  return {
    app,
    db,
    user,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** POST /auth/login as the sign-in page sends it; `headers` add to those or replace them. */
export function postLogin(
  h: Pick<Harness, "app">,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return h.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin: ORIGIN, host: "localhost:3000", ...headers },
    payload: { email, password },
  });
}

/** An admin suspends (or reinstates) a user from the admin pages. */
export function setUserStatus(
  h: Pick<Harness, "app">,
  admin: Pick<TestUser, "cookie">,
  userId: string,
  status: "ACTIVE" | "SUSPENDED",
) {
  return h.app.inject({
    method: "PATCH",
    url: `/api/v1/users/${userId}`,
    headers: browser(admin),
    payload: { status },
  });
}

/** Headers of a same-origin browser request carrying the user's session cookie. */
export function browser(user: Pick<TestUser, "cookie">): Record<string, string> {
  return { cookie: user.cookie, origin: ORIGIN, host: "localhost:3000", "sec-fetch-site": "same-origin" };
}

export function bearer(user: Pick<TestUser, "token">): Record<string, string> {
  return { authorization: `Bearer ${user.token}` };
}
