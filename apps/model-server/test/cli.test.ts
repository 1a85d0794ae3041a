import { fileURLToPath } from "node:url";
import { spawnNode, waitFor } from "@arbiter/testkit";
import { describe, expect, it } from "vitest";
import { parseModelServerEnv } from "../src/env";

const appDir = fileURLToPath(new URL("..", import.meta.url));

describe("environment", () => {
  it("has working defaults", () => {
    const env = parseModelServerEnv({});
    expect(env).toMatchObject({
      MODEL_SERVER_PORT: 8000,
      MODEL_SERVER_HOST: "127.0.0.1",
      MODEL_SERVER_MODELS: ["arbiter-small", "arbiter-large"],
    });
    expect(env.faults.rate500).toBe(0);
  });

  it("reads fault defaults and model names", () => {
    const env = parseModelServerEnv({
      MODEL_SERVER_MODELS: " a , b ",
      MODEL_SERVER_FAULT_500_RATE: "0.3",
      MODEL_SERVER_FAULT_LATENCY_MS: "20",
      MODEL_SERVER_FAULT_GARBAGE_MODE: "wrong-schema",
    });
    expect(env.MODEL_SERVER_MODELS).toEqual(["a", "b"]);
    expect(env.faults).toMatchObject({ rate500: 0.3, latencyMs: 20, garbageMode: "wrong-schema" });
  });

  it("names every bad variable", () => {
    const parse = () =>
      parseModelServerEnv({
        MODEL_SERVER_PORT: "http",
        MODEL_SERVER_FAULT_DROP_RATE: "2",
        MODEL_SERVER_MODELS: ",",
      });
    expect(parse).toThrow(/MODEL_SERVER_PORT/);
    expect(parse).toThrow(/MODEL_SERVER_FAULT_DROP_RATE/);
    expect(parse).toThrow(/MODEL_SERVER_MODELS/);
  });
});

describe("the server process", () => {
  it("says it is a stand-in, serves, and exits cleanly on SIGTERM", async () => {
    const server = spawnNode("src/server.ts", {
      cwd: appDir,
      env: { MODEL_SERVER_PORT: "0", LOG_LEVEL: "silent" },
    });
    await waitFor(() => server.stdout().includes("\n"), { what: "the first line", process: server });
    const out = server.stdout();
    expect(out).toMatch(/STAND-IN, NOT A LANGUAGE MODEL/);
    const url = out.match(/(http:\/\/\S+\/v1)/)![1]!;
    expect((await fetch(`${url}/models`)).status).toBe(200);
    const code = await server.kill("SIGTERM");
    expect(code).toBe(0);
  });

  it("refuses to start with a bad variable, naming it", async () => {
    const server = spawnNode("src/server.ts", {
      cwd: appDir,
      env: { MODEL_SERVER_FAULT_429_RATE: "often" },
    });
    const code = await server.exited;
    expect(code).toBe(1);
    expect(server.stderr()).toContain("MODEL_SERVER_FAULT_429_RATE");
  });
});
