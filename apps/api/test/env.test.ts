import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";

describe("environment", () => {
  it("defaults work against the local Postgres and Redis", () => {
    const env = parseApiEnv({});
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/arbiter");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.API_PORT).toBe(4000);
  });

  it("a bad value names the variable", () => {
    expect(() => parseApiEnv({ API_PORT: "eighty" })).toThrow(/API_PORT/);
    expect(() => parseApiEnv({ ARBITER_TRUSTED_ORIGINS: "not a url" })).toThrow(/ARBITER_TRUSTED_ORIGINS/);
  });

  it("the server exits with a message naming the bad variable", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const run = spawnSync(path.join(root, "../../node_modules/.bin/tsx"), ["src/server.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "not-a-url" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid environment:[\s\S]*DATABASE_URL/);
  });
});
