import path from "node:path";
import { localBin, runProcess } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, postLogin } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

function createAdmin(...args: string[]) {
  const root = path.resolve(import.meta.dirname, "..");
  return runProcess(localBin("tsx"), ["src/cli/create-admin.ts", ...args], {
    cwd: root,
    env: { DATABASE_URL: h.db.url },
    timeoutMs: 60_000,
  });
}

function login(email: string, password: string) {
  return postLogin(h, email, password);
}

describe("npm run create-admin", () => {
  it("creates a new admin who can sign in, and resets an existing account's password", async () => {
    const created = await createAdmin("Boss@Example.com", "first password", "The Boss");
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("admin ready: boss@example.com");
    const first = await login("boss@example.com", "first password");
    expect(first.json().user).toMatchObject({ role: "ADMIN", name: "The Boss" });

    expect((await createAdmin("boss@example.com", "second password")).status).toBe(0);
    expect((await login("boss@example.com", "first password")).statusCode).toBe(401);
    expect((await login("boss@example.com", "second password")).statusCode).toBe(200);
  });

  it("refuses a short password and says which argument is wrong", async () => {
    const run = await createAdmin("boss@example.com", "short");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/password: must be at least 8 characters/);
  });
});
