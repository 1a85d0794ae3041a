import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type TRunningModelServer } from "../src/index";

let server: TRunningModelServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  client = new OpenAI({ baseURL: server.url, apiKey: "unused", maxRetries: 0 });
});
afterAll(() => server.close());

const ask = (content: string) => [{ role: "user" as const, content }];
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("the openai SDK against the stand-in", () => {
  it("lists the configured models", async () => {
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toEqual(["arbiter-small", "arbiter-large"]);
  });

  it("answers a chat request on topic, with consistent usage", async () => {
    const reply = await client.chat.completions.create({
      model: "arbiter-large",
      messages: [{ role: "system", content: "Be brief." }, ...ask("Explain photosynthesis to a child.")],
      seed: 7,
    });
    expect(reply.object).toBe("chat.completion");
    const choice = reply.choices[0]!;
    expect(choice.message.role).toBe("assistant");
    expect(choice.message.content).toMatch(/photosynthesis/i);
    expect(choice.finish_reason).toBe("stop");
    expect(reply.usage!.completion_tokens).toBe(words(choice.message.content!));
    expect(reply.usage!.total_tokens).toBe(reply.usage!.prompt_tokens + reply.usage!.completion_tokens);
  });

  it("returns n different samples, and the same ones again for the same seed", async () => {
    const request = { model: "arbiter-small", messages: ask("What is courage?"), n: 3, seed: 42 };
    const first = await client.chat.completions.create(request);
    const again = await client.chat.completions.create(request);
    const texts = first.choices.map((c) => c.message.content);
    expect(first.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(texts).size).toBeGreaterThan(1);
    expect(again.choices.map((c) => c.message.content)).toEqual(texts);
    const otherSeed = await client.chat.completions.create({ ...request, seed: 43 });
    expect(otherSeed.choices.map((c) => c.message.content)).not.toEqual(texts);
  });

  it("gives different models different answers to the same request", async () => {
    const request = { messages: ask("Describe the sea."), seed: 1 };
    const small = await client.chat.completions.create({ ...request, model: "arbiter-small" });
    const large = await client.chat.completions.create({ ...request, model: "arbiter-large" });
    expect(small.choices[0]!.message.content).not.toBe(large.choices[0]!.message.content);
  });

  it("makes temperature 0 deterministic whatever the seed", async () => {
    const request = { model: "arbiter-small", messages: ask("Name a virtue."), temperature: 0, n: 2 };
    const a = await client.chat.completions.create({ ...request, seed: 1 });
    const b = await client.chat.completions.create({ ...request, seed: 2 });
    const texts = [...a.choices, ...b.choices].map((c) => c.message.content);
    expect(new Set(texts).size).toBe(1);
  });

  it("stops at max_tokens with finish_reason length, as a prefix of the longer answer", async () => {
    const request = { model: "arbiter-large", messages: ask("Tell me about whales."), seed: 5 };
    const full = await client.chat.completions.create(request);
    const cut = await client.chat.completions.create({ ...request, max_tokens: 6 });
    expect(cut.choices[0]!.finish_reason).toBe("length");
    expect(cut.usage!.completion_tokens).toBe(6);
    expect(full.choices[0]!.message.content!.startsWith(cut.choices[0]!.message.content!)).toBe(true);
  });

  it("cuts the text before a stop sequence with finish_reason stop", async () => {
    const request = { model: "arbiter-large", messages: ask("Tell me about whales."), seed: 5 };
    const full = (await client.chat.completions.create(request)).choices[0]!.message.content!;
    const stopWord = ` ${full.split(" ")[9]!}`;
    const stopped = await client.chat.completions.create({ ...request, stop: [stopWord, "never-appears"] });
    expect(stopped.choices[0]!.finish_reason).toBe("stop");
    expect(stopped.choices[0]!.message.content).toBe(full.slice(0, full.indexOf(stopWord)));
  });

  it("streams chat chunks that add up to the same answer, then usage", async () => {
    const request = { model: "arbiter-small", messages: ask("Why do we sleep?"), seed: 9 };
    const whole = (await client.chat.completions.create(request)).choices[0]!;
    const stream = await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(whole.message.content);
    expect(finish).toBe(whole.finish_reason);
    expect(usage!.completion_tokens).toBe(words(text));
  });

  it("interleaves the streams of n choices by index", async () => {
    const request = {
      model: "arbiter-large",
      messages: ask("What is a river?"),
      seed: 2,
      n: 2,
      max_tokens: 15,
    };
    const whole = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({ ...request, stream: true });
    const texts = ["", ""];
    for await (const chunk of stream) for (const c of chunk.choices) texts[c.index] += c.delta.content ?? "";
    expect(texts).toEqual(whole.choices.map((c) => c.message.content));
  });

  it("completes raw prompts: default 16 tokens, prompt lists times n, echo", async () => {
    const single = await client.completions.create({ model: "arbiter-small", prompt: "Call me", seed: 3 });
    expect(single.object).toBe("text_completion");
    expect(single.choices[0]!.finish_reason).toBe("length");
    expect(single.usage!.completion_tokens).toBe(16);

    const many = await client.completions.create({
      model: "arbiter-large",
      prompt: ["The sea", "A virtue"],
      n: 2,
      max_tokens: 8,
      seed: 3,
    });
    expect(many.choices.map((c) => c.index)).toEqual([0, 1, 2, 3]);

    const echoed = await client.completions.create({ model: "arbiter-small", prompt: "Call me", echo: true });
    expect(echoed.choices[0]!.text.startsWith("Call me ")).toBe(true);
  });

  it("streams completions ending in a finish reason", async () => {
    const request = { model: "arbiter-large", prompt: "It is a truth", max_tokens: 12, seed: 4 };
    const whole = (await client.completions.create(request)).choices[0]!;
    const stream = await client.completions.create({ ...request, stream: true });
    let text = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(whole.text);
    expect(finish).toBe("length");
  });
});
