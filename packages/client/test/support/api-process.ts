import { randomUUID } from "node:crypto";
import { createTestDatabase, freePort, REPO_ROOT, spawnNode, waitForHttp } from "@arbiter/testkit";

export const ADMIN = { email: "admin@client.test", password: "correct horse battery staple" };

export type StartApiOptions = {
  /** Added to the API's environment (EXPORT_DIR, GENERATOR_ALLOWED_HOSTS, …). */
  env?: Record<string, string>;
};

export type RunningApi = Awaited<ReturnType<typeof startApi>>;

/**
 * The real API as its own process on a database of its own, with a first admin: the client is
 * tested over HTTP the way scripts use it, and this package never imports the app. Its
 * database URL and queue prefix are given out, so that a worker can share them.
 */
export async function startApi(options: StartApiOptions = {}) {
  const db = await createTestDatabase();
  const port = await freePort();
  const redisPrefix = `client-test-${randomUUID()}`;
  const api = spawnNode("apps/api/src/server.ts", {
    cwd: REPO_ROOT,
    group: true,
    keepChars: 20_000,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: db.url,
      API_HOST: "127.0.0.1",
      API_PORT: String(port),
      REDIS_PREFIX: redisPrefix,
      ARBITER_ADMIN_EMAIL: ADMIN.email,
      ARBITER_ADMIN_PASSWORD: ADMIN.password,
      // Route folders are loaded from .ts files: allowed by itself under vitest only, and these
      // helpers serve other runners too.
      FASTIFY_AUTOLOAD_TYPESCRIPT: "1",
      ...options.env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/healthz`, { process: api, timeoutMs: 90_000 });
  /** A session cookie for this account, as the sign-in page gets one. */
  async function signIn(email: string, password: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return res.headers.getSetCookie()[0]!.split(";")[0]!;
  }
  return {
    baseUrl,
    databaseUrl: db.url,
    redisPrefix,
    process: api,
    signIn,
    /** A new API key of this account (keys are made from a fresh browser session). */
    async createApiKey(email: string, password: string, name = "tests"): Promise<string> {
      const res = await fetch(`${baseUrl}/api/v1/api-keys`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await signIn(email, password) },
        body: JSON.stringify({ name }),
      });
      if (res.status !== 201) throw new Error(`API key refused: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async stop() {
      await api.stop();
      await db.drop();
    },
  };
}
