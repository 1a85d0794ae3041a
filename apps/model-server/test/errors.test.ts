import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type TRunningModelServer } from "../src/index";

let server: TRunningModelServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startModelServer({ models: ["only-model"] });
  client = new OpenAI({ baseURL: server.url, apiKey: "unused", maxRetries: 0 });
});
afterAll(() => server.close());

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
}

const chat = (extra: object) =>
  JSON.stringify({ model: "only-model", messages: [{ role: "user", content: "hello" }], ...extra });

describe("bad requests get OpenAI-style errors", () => {
  it.each([
    ["temperature out of range", chat({ temperature: 5 }), "temperature"],
    ["n of zero", chat({ n: 0 }), "n"],
    ["max_tokens not an integer", chat({ max_tokens: 1.5 }), "max_tokens"],
    ["stop of the wrong type", chat({ stop: 7 }), "stop"],
    [
      "a message without a role",
      JSON.stringify({ model: "only-model", messages: [{ content: "x" }] }),
      "messages.0.role",
    ],
    ["no messages", JSON.stringify({ model: "only-model", messages: [] }), "messages"],
    ["no model", JSON.stringify({ messages: [{ role: "user", content: "x" }] }), "model"],
  ])("400 for %s, naming the field", async (_name, body, param) => {
    const { status, body: reply } = await post("/chat/completions", body);
    expect(status).toBe(400);
    expect(reply.error).toMatchObject({ type: "invalid_request_error", param });
    expect(reply.error.message).toEqual(expect.stringContaining(param));
    expect(Object.keys(reply.error).sort()).toEqual(["code", "message", "param", "type"]);
  });

  it("400 for a body that is not JSON", async () => {
    const { status, body } = await post("/completions", "{not json");
    expect(status).toBe(400);
    expect(body.error.type).toBe("invalid_request_error");
  });

  it("400 when the prompt and max_tokens overflow the context window", async () => {
    const { status, body } = await post("/chat/completions", chat({ max_tokens: 100_000 }));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "context_length_exceeded", param: "max_tokens" });
  });

  it("400 for a fault header that makes no sense", async () => {
    const { status, body } = await post("/chat/completions", chat({}), { "x-fault-500-rate": "lots" });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ param: "x-fault-500-rate", code: "invalid_fault_header" });
  });

  it("surfaces as typed SDK errors with the server's message", async () => {
    const unknownModel = client.chat.completions.create({
      model: "gpt-9",
      messages: [{ role: "user", content: "x" }],
    });
    await expect(unknownModel).rejects.toMatchObject({ status: 404, code: "model_not_found" });
    await expect(unknownModel).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const badPrompt = client.completions.create({ model: "only-model", prompt: [], max_tokens: 3 });
    await expect(badPrompt).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(badPrompt).rejects.toThrow(/prompt/);
  });

  it("404 in the same shape for unknown routes", async () => {
    const response = await fetch(`${server.url}/embeddings`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });
});
