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

  it("reads the queues to consume as a list", () => {
    expect(parseWorkerEnv({ WORKER_QUEUES: "generation, export" }).WORKER_QUEUES).toEqual([
      "generation",
      "export",
    ]);
  });
});
