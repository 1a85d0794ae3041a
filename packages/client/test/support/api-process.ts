import { randomUUID } from "node:crypto";
import { createTestDatabase, freePort, REPO_ROOT, spawnNode, waitForHttp } from "@arbiter/testkit";

export const ADMIN = { email: "admin@client.test", password: "correct horse battery staple" };

/**
 * The real API as its own process on a database of its own, with a first admin: the client is
 * tested over HTTP the way scripts use it, and this package never imports the app.
 */
export async function startApi() {
  const db = await createTestDatabase();
  const port = await freePort();
  const api = spawnNode("apps/api/src/server.ts", {
    cwd: REPO_ROOT,
    group: true,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: db.url,
      API_HOST: "127.0.0.1",
      API_PORT: String(port),
      REDIS_PREFIX: `client-test-${randomUUID()}`,
      ARBITER_ADMIN_EMAIL: ADMIN.email,
      ARBITER_ADMIN_PASSWORD: ADMIN.password,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/healthz`, { process: api, timeoutMs: 90_000 });
  return {
    baseUrl,
    /** A session cookie for this account, as the sign-in page gets one. */
    async signIn(email: string, password: string): Promise<string> {
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie()[0]!.split(";")[0]!;
    },
    async stop() {
      await api.stop();
      await db.drop();
    },
  };
}
