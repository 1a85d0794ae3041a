import path from "node:path";
import { localBin, runProcess } from "@arbiter/testkit";
import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../src/env";

describe("worker environment", () => {
  it("has working defaults", () => {
    const env = parseWorkerEnv({});
    expect(env).toMatchObject({ EXPORT_DIR: "./exports", GENERATION_CONCURRENCY: 32, WORKER_QUEUES: [] });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseWorkerEnv({ REDIS_URL: "not a url" })).toThrow(/REDIS_URL/);
    expect(() => parseWorkerEnv({ GENERATION_CONCURRENCY: "0" })).toThrow(/GENERATION_CONCURRENCY/);
    expect(() => parseWorkerEnv({ ARBITER_SECRET: "short" })).toThrow(/ARBITER_SECRET: must be at least 16/);
  });

  it("reads the egress settings, and names a bad one", () => {
    const env = parseWorkerEnv({
      GENERATOR_ALLOWED_HOSTS: "127.0.0.1:8000, gpu.lan",
      GENERATOR_DENY_PRIVATE: "true",
    });
    expect(env.GENERATOR_ALLOWED_HOSTS).toEqual([
      { host: "127.0.0.1", port: 8000 },
      { host: "gpu.lan", port: null },
    ]);
    expect(env.GENERATOR_DENY_PRIVATE).toBe(true);
    expect(parseWorkerEnv({}).GENERATOR_ALLOWED_HOSTS).toEqual([]);
    expect(() => parseWorkerEnv({ GENERATOR_ALLOWED_HOSTS: "http://gpu/" })).toThrow(
      /GENERATOR_ALLOWED_HOSTS/,
    );
    expect(() => parseWorkerEnv({ ARBITER_ENCRYPTION_KEY: "short" })).toThrow(/ARBITER_ENCRYPTION_KEY/);
  });

  it("in production, refuses the development secret and short ones, naming ARBITER_SECRET", () => {
    expect(() => parseWorkerEnv({ NODE_ENV: "production" })).toThrow(
      /ARBITER_SECRET: is the development default/,
    );
    expect(() => parseWorkerEnv({ NODE_ENV: "production", ARBITER_SECRET: "y".repeat(20) })).toThrow(
      /ARBITER_SECRET: must be at least 32 characters/,
    );
    expect(parseWorkerEnv({ NODE_ENV: "production", ARBITER_SECRET: "y".repeat(40) }).NODE_ENV).toBe(
      "production",
    );
  });

  it("the worker will not start in production with a short secret", async () => {
    const root = path.resolve(import.meta.dirname, "..");
    const run = await runProcess(localBin("tsx"), ["src/index.ts"], {
      cwd: root,
      // Nowhere to connect to, should the check ever let it start.
      env: {
        NODE_ENV: "production",
        ARBITER_SECRET: "only-twenty-chars-ok",
        DATABASE_URL: "postgresql://nobody@127.0.0.1:9/nothing",
        REDIS_URL: "redis://127.0.0.1:9",
        REDIS_PREFIX: "arbiter-env-test",
        WORKER_HEALTH_PORT: "0",
      },
      timeoutMs: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid environment:[\s\S]*ARBITER_SECRET: must be at least 32/);
  });

  it("reads the queues to consume as a list", () => {
    expect(parseWorkerEnv({ WORKER_QUEUES: "generation, export" }).WORKER_QUEUES).toEqual([
      "generation",
      "export",
    ]);
  });
});
