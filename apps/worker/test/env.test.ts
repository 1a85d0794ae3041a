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

  it("reads the queues to consume as a list", () => {
    expect(parseWorkerEnv({ WORKER_QUEUES: "generation, export" }).WORKER_QUEUES).toEqual([
      "generation",
      "export",
    ]);
  });
});
