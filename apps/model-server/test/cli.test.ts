import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { parseModelServerEnv } from "../src/env";

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
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: new URL("..", import.meta.url),
      env: { ...process.env, MODEL_SERVER_PORT: "0", LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    for await (const chunk of child.stdout) {
      out += chunk;
      if (out.includes("\n")) break;
    }
    expect(out).toMatch(/STAND-IN, NOT A LANGUAGE MODEL/);
    const url = out.match(/(http:\/\/\S+\/v1)/)![1]!;
    expect((await fetch(`${url}/models`)).status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("refuses to start with a bad variable, naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: new URL("..", import.meta.url),
      env: { ...process.env, MODEL_SERVER_FAULT_429_RATE: "often" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(err).toContain("MODEL_SERVER_FAULT_429_RATE");
  });
});
