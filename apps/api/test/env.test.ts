import path from "node:path";
import { localBin, runProcess } from "@arbiter/testkit";
import { describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";

const UNREACHABLE_DB = "postgresql://nobody@127.0.0.1:9/nothing";

describe("environment", () => {
  it("defaults work against the local Postgres and Redis", () => {
    const env = parseApiEnv({});
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/arbiter");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.API_PORT).toBe(4000);
    expect(env.SESSION_IDLE_MINUTES).toBe(120);
    expect(env.IMPORT_READ_TIMEOUT_MS).toBe(30_000);
    expect(env.LOGIN_ADDRESS_LIMIT).toBe(20);
  });

  it("serves no metrics by default; an empty METRICS_TOKEN or METRICS_PORT counts as unset, a short token is refused", () => {
    const none = parseApiEnv({ METRICS_TOKEN: "", METRICS_PORT: "" });
    expect([none.METRICS_TOKEN, none.METRICS_PORT, none.METRICS_HOST]).toEqual([
      undefined,
      undefined,
      "127.0.0.1",
    ]);
    expect(parseApiEnv({ METRICS_PORT: "9464" }).METRICS_PORT).toBe(9464);
    expect(() => parseApiEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16/);
    expect(() => parseApiEnv({ METRICS_PORT: "x" })).toThrow(/METRICS_PORT/);
  });

  it("trusts no proxy by default; takes true/false or a list of proxy addresses and CIDRs", () => {
    expect(parseApiEnv({}).TRUST_PROXY).toBe(false);
    expect(parseApiEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseApiEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseApiEnv({ TRUST_PROXY: "127.0.0.1, 172.30.57.0/24,::1,loopback" }).TRUST_PROXY).toEqual([
      "127.0.0.1",
      "172.30.57.0/24",
      "::1",
      "loopback",
    ]);
    expect(() => parseApiEnv({ TRUST_PROXY: "web" })).toThrow(/TRUST_PROXY: .*not web/);
    expect(() => parseApiEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
  });

  it("in production, refuses the development secret and short ones, naming ARBITER_SECRET", () => {
    expect(() => parseApiEnv({ NODE_ENV: "production" })).toThrow(
      /ARBITER_SECRET: is the development default/,
    );
    expect(() => parseApiEnv({ NODE_ENV: "production", ARBITER_SECRET: "x".repeat(31) })).toThrow(
      /ARBITER_SECRET: must be at least 32 characters/,
    );
    expect(
      parseApiEnv({ NODE_ENV: "production", ARBITER_SECRET: "x".repeat(32) }).ARBITER_SECRET,
    ).toHaveLength(32);
    // Development and tests keep their working default.
    expect(parseApiEnv({ NODE_ENV: "development" }).ARBITER_SECRET).toBe("dev-only-secret-change-me");
  });

  it("a bad value names the variable", () => {
    expect(() => parseApiEnv({ API_PORT: "eighty" })).toThrow(/API_PORT/);
    expect(() => parseApiEnv({ ARBITER_TRUSTED_ORIGINS: "not a url" })).toThrow(/ARBITER_TRUSTED_ORIGINS/);
  });

  it("the server exits with a message naming the bad variable", async () => {
    const root = path.resolve(import.meta.dirname, "..");
    const run = await runProcess(localBin("tsx"), ["src/server.ts"], {
      cwd: root,
      env: { DATABASE_URL: "not-a-url" },
      timeoutMs: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid environment:[\s\S]*DATABASE_URL/);
  });

  it("the server will not start in production with the development secret", async () => {
    const root = path.resolve(import.meta.dirname, "..");
    const run = await runProcess(localBin("tsx"), ["src/server.ts"], {
      cwd: root,
      // Nowhere to connect to, should the check ever let it start; no ARBITER_SECRET of ours.
      env: { ARBITER_SECRET: undefined, NODE_ENV: "production", API_PORT: "0", DATABASE_URL: UNREACHABLE_DB },
      timeoutMs: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid environment:[\s\S]*ARBITER_SECRET: is the development default/);
  });
});
