import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FAULTS } from "../src/faults/config";
import { rollOutcome } from "../src/faults/inject";
import { startModelServer, type TRunningModelServer } from "../src/index";

let server: TRunningModelServer;

beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());

const body = (extra: object = {}) =>
  JSON.stringify({ model: "arbiter-small", messages: [{ role: "user", content: "hello there" }], ...extra });

function chat(headers: Record<string, string>, extra: object = {}) {
  return fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body(extra),
  });
}

describe("fault injection by request header", () => {
  it.each([
    ["x-fault-429-rate", 429, "rate_limit_exceeded"],
    ["x-fault-500-rate", 500, "server_error"],
    ["x-fault-503-rate", 503, "service_unavailable"],
  ])("%s: 1 answers %i in OpenAI's error shape", async (header, status, code) => {
    const response = await chat({ [header]: "1" });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it("429 carries Retry-After, and the SDK sees a RateLimitError", async () => {
    const response = await chat({ "x-fault-429-rate": "1", "x-fault-retry-after": "7" });
    expect(response.headers.get("retry-after")).toBe("7");
    const client = new OpenAI({
      baseURL: server.url,
      apiKey: "unused",
      maxRetries: 0,
      defaultHeaders: { "x-fault-429-rate": "1" },
    });
    const call = client.chat.completions.create({
      model: "arbiter-small",
      messages: [{ role: "user", content: "x" }],
    });
    await expect(call).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });

  it("delays by the fixed latency plus jitter, and says how long", async () => {
    const fixed = await chat({ "x-fault-latency-ms": "25" });
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get("x-fault-latency-applied-ms")).toBe("25");
    const jittered = await chat({ "x-fault-latency-ms": "5", "x-fault-latency-jitter-ms": "20" });
    const applied = Number(jittered.headers.get("x-fault-latency-applied-ms"));
    expect(applied).toBeGreaterThanOrEqual(5);
    expect(applied).toBeLessThanOrEqual(25);
  });

  it("paces streamed events and still ends the stream properly", async () => {
    const response = await chat({ "x-fault-token-latency-ms": "1" }, { stream: true, max_tokens: 5 });
    const events = (await response.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    expect(events).toHaveLength(1 + 5 + 1 + 1);
  });

  it("drops the connection without a response", async () => {
    await expect(chat({ "x-fault-drop-rate": "1" })).rejects.toThrow(/fetch failed/);
    const client = new OpenAI({
      baseURL: server.url,
      apiKey: "unused",
      maxRetries: 0,
      defaultHeaders: { "x-fault-drop-rate": "1" },
    });
    const call = client.chat.completions.create({
      model: "arbiter-small",
      messages: [{ role: "user", content: "x" }],
    });
    await expect(call).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("hangs until the client times out", async () => {
    const client = new OpenAI({
      baseURL: server.url,
      apiKey: "unused",
      maxRetries: 0,
      timeout: 200,
      defaultHeaders: { "x-fault-timeout-rate": "1" },
    });
    const call = client.chat.completions.create({
      model: "arbiter-small",
      messages: [{ role: "user", content: "x" }],
    });
    await expect(call).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it("sends a non-JSON body that the SDK cannot parse", async () => {
    const response = await chat({ "x-fault-garbage-rate": "1", "x-fault-garbage-mode": "non-json" });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("sends JSON of the wrong schema: no choices", async () => {
    const response = await chat({ "x-fault-garbage-rate": "1", "x-fault-garbage-mode": "wrong-schema" });
    const reply = (await response.json()) as Record<string, unknown>;
    expect(reply.object).toBe("chat.completion");
    expect(reply.choices).toBeUndefined();
  });

  it("truncates a stream: half the events, a broken one, no [DONE]", async () => {
    const headers = { "x-fault-garbage-rate": "1", "x-fault-garbage-mode": "truncated-sse" };
    const text = await (await chat(headers, { stream: true, max_tokens: 20 })).text();
    expect(text).toContain('"chat.completion.chunk"');
    expect(text).not.toContain("[DONE]");
    expect(text.endsWith('data: {"id":"')).toBe(true);
    const whole = await (
      await chat({ "x-fault-garbage-rate": "1", "x-fault-garbage-mode": "truncated-sse" })
    ).text();
    expect(() => JSON.parse(whole)).toThrow();
  });
});

describe("server-wide faults", () => {
  it("apply to generation only, change at run time, and are counted", async () => {
    const local = await startModelServer({ faults: { rate503: 1 } });
    try {
      expect((await fetch(`${local.url}/models`)).status).toBe(200);
      const generate = () =>
        fetch(`${local.url}/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: body(),
        });
      expect((await generate()).status).toBe(503);
      expect((await generate()).status).toBe(503);
      local.setFaults({});
      expect((await generate()).status).toBe(200);
      expect(local.stats()).toMatchObject({ status503: 2, ok: 1 });
    } finally {
      await local.close();
    }
  });

  it("close() does not wait for hung requests", async () => {
    const local = await startModelServer({ faults: { timeoutRate: 1 } });
    const hung = fetch(`${local.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body(),
    }).catch((err: Error) => err);
    while (local.stats().timedOut === 0) await new Promise((r) => setTimeout(r, 5));
    await local.close();
    expect(await hung).toBeInstanceOf(Error);
  });

  it("refuses rates that add up to more than 1", async () => {
    await expect(startModelServer({ faults: { rate500: 0.6, dropRate: 0.6 } })).rejects.toThrow(
      /more than 1/,
    );
  });

  it("splits outcomes by share of the roll", () => {
    const faults = { ...NO_FAULTS, rate429: 0.1, rate500: 0.2, timeoutRate: 0.3 };
    expect(rollOutcome(faults, 0.05)).toBe("status429");
    expect(rollOutcome(faults, 0.25)).toBe("status500");
    expect(rollOutcome(faults, 0.45)).toBe("timedOut");
    expect(rollOutcome(faults, 0.65)).toBe("ok");
  });
});
