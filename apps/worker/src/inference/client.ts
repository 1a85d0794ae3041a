import OpenAI from "openai";
import { classifyInferenceError, InferenceError } from "./errors";

export type TChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type TInferenceTarget = {
  baseUrl: string;
  model: string;
  mode: "CHAT" | "COMPLETION";
  /** Sampling parameters; unknown keys (top_k, min_p...) pass through to the server. */
  params: Record<string, unknown>;
  /** The name of the worker's env var holding the key; the key never leaves this process. */
  apiKeyEnv: string | null;
};

export type TInferencePrompt = { messages: TChatMessage[] | null; text: string | null };

export type TInferenceResult = {
  text: string;
  model: string;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  /** Exactly what was sent besides the prompt, stored with the completion. */
  requestParams: Record<string, unknown>;
};

export type InferenceClientOptions = { timeoutMs: number; env?: Record<string, string | undefined> };

/**
 * The one client of the model servers. One SDK client per (base URL, key) keeps HTTP
 * connections alive across jobs; the SDK's own retries are off because BullMQ retries with
 * backoff that survives a worker restart.
 */
export function createInferenceClient(options: InferenceClientOptions) {
  const env = options.env ?? process.env;
  const clients = new Map<string, OpenAI>();

  function clientFor(target: TInferenceTarget): OpenAI {
    let apiKey = "not-needed";
    if (target.apiKeyEnv) {
      const value = env[target.apiKeyEnv];
      if (!value) throw new InferenceError(`env var ${target.apiKeyEnv} is not set on the worker`, false);
      apiKey = value;
    }
    const key = `${target.baseUrl}\u0000${apiKey}`;
    let client = clients.get(key);
    if (!client) {
      client = new OpenAI({ baseURL: target.baseUrl, apiKey, timeout: options.timeoutMs, maxRetries: 0 });
      clients.set(key, client);
    }
    return client;
  }

  async function complete(
    target: TInferenceTarget,
    prompt: TInferencePrompt,
    overrides: Record<string, unknown> = {},
  ): Promise<TInferenceResult> {
    const requestParams = { ...target.params, ...overrides };
    const started = performance.now();
    try {
      const client = clientFor(target);
      if (target.mode === "CHAT") {
        const messages = prompt.messages ?? [{ role: "user" as const, content: prompt.text ?? "" }];
        const res = await client.chat.completions.create({
          ...requestParams,
          model: target.model,
          messages,
          stream: false,
        } as OpenAI.ChatCompletionCreateParamsNonStreaming);
        const choice = res?.choices?.[0];
        const text = choice?.message?.content;
        if (typeof text !== "string") throw unexpectedShape(res);
        return finish(res, text, choice?.finish_reason ?? null, started, requestParams);
      }
      const res = await client.completions.create({
        ...requestParams,
        model: target.model,
        prompt: prompt.text ?? renderMessages(prompt.messages ?? []),
        stream: false,
      } as OpenAI.CompletionCreateParamsNonStreaming);
      const choice = res?.choices?.[0];
      if (typeof choice?.text !== "string") throw unexpectedShape(res);
      return finish(res, choice.text, choice.finish_reason ?? null, started, requestParams);
    } catch (err) {
      throw classifyInferenceError(err);
    }
  }

  return { complete };
}

export type InferenceClient = ReturnType<typeof createInferenceClient>;

type TUsageCarrier = {
  model?: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
};

function finish(
  res: TUsageCarrier,
  text: string,
  finishReason: string | null,
  started: number,
  requestParams: Record<string, unknown>,
): TInferenceResult {
  return {
    text,
    model: typeof res.model === "string" ? res.model : "",
    finishReason,
    promptTokens: res.usage?.prompt_tokens ?? null,
    completionTokens: res.usage?.completion_tokens ?? null,
    latencyMs: Math.round(performance.now() - started),
    requestParams,
  };
}

function unexpectedShape(res: unknown): InferenceError {
  const preview = JSON.stringify(res)?.slice(0, 200) ?? String(res);
  return new InferenceError(`model server returned an unexpected response: ${preview}`, false);
}

/** Plain-completion servers take one string; a conversation is flattened turn by turn. */
export function renderMessages(messages: TChatMessage[]): string {
  return `${messages.map((m) => `${m.role}: ${m.content}`).join("\n\n")}\n\nassistant:`;
}
