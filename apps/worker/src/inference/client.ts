import {
  baseUrlProblem,
  type CredentialError,
  decryptCredential,
  type TCredentialKey,
  type TEgressPolicy,
  type TResolver,
} from "@arbiter/jobs";
import { GENERATOR_KEY_ENV_PATTERN } from "@arbiter/shared";
import OpenAI from "openai";
import { generationErrors, generationRequests, generationTokens } from "../metrics";
import { createEgressFetch } from "./egress-fetch";
import { classifyInferenceError, InferenceError } from "./errors";
import { streamRequest } from "./stream";

export type TChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type TInferenceTarget = {
  /** The generator; its stored key is bound to it and decrypts for it only. */
  generatorId: string;
  baseUrl: string;
  model: string;
  mode: "CHAT" | "COMPLETION";
  /** Sampling parameters; unknown keys (top_k, min_p...) pass through to the server. */
  params: Record<string, unknown>;
  /** The key a researcher gave, encrypted by the API; decrypted here, just before the call. */
  apiKeyCiphertext: Uint8Array | null;
  /** An ARBITER_GENERATOR_KEY_* variable of the worker, named by an operator. */
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
  /** The model server's HTTP status. */
  status: number;
  /** Exactly what was sent besides the prompt, stored with the completion. */
  requestParams: Record<string, unknown>;
};

export type InferenceClientOptions = {
  timeoutMs: number;
  /** Decrypts generators' stored keys (deriveCredentialKey of the worker's env). */
  credentialKey: TCredentialKey;
  /** Where requests may go (GENERATOR_ALLOWED_HOSTS, GENERATOR_DENY_PRIVATE). */
  egress: TEgressPolicy;
  env?: Record<string, string | undefined>;
  /** Tests put their own resolver under the address checks. */
  resolve?: TResolver;
};

/**
 * The one client of the model servers. One SDK client per (base URL, key) keeps HTTP
 * connections alive across jobs; the SDK's own retries are off because BullMQ retries with
 * backoff that survives a worker restart. Every request goes through the egress fetch,
 * which checks each address it connects to and sends only the headers it knows.
 */
export function createInferenceClient(options: InferenceClientOptions) {
  const env = options.env ?? process.env;
  const clients = new Map<string, OpenAI>();
  const egressFetch = createEgressFetch({
    policy: options.egress,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });

  function apiKeyOf(target: TInferenceTarget): string {
    if (target.apiKeyCiphertext) {
      try {
        return decryptCredential(options.credentialKey, target.generatorId, target.apiKeyCiphertext);
      } catch (err) {
        throw new InferenceError("key_unavailable", false, {
          detail: `the stored key cannot be read: ${(err as CredentialError).message}; give it again`,
        });
      }
    }
    if (target.apiKeyEnv) {
      // Checked again here: a row written before the API refused other names must not make
      // the worker send DATABASE_URL or ARBITER_SECRET.
      if (!GENERATOR_KEY_ENV_PATTERN.test(target.apiKeyEnv)) {
        throw new InferenceError("key_unavailable", false, {
          detail: "apiKeyEnv must name an ARBITER_GENERATOR_KEY_* variable",
        });
      }
      const value = env[target.apiKeyEnv];
      if (!value) {
        throw new InferenceError("key_unavailable", false, {
          detail: `${target.apiKeyEnv} is not set on the worker`,
        });
      }
      return value;
    }
    return "not-needed";
  }

  function clientFor(target: TInferenceTarget): OpenAI {
    if (baseUrlProblem(target.baseUrl, options.egress)) throw new InferenceError("egress_denied", false);
    const apiKey = apiKeyOf(target);
    const key = `${target.baseUrl}\u0000${apiKey}`;
    let client = clients.get(key);
    if (!client) {
      client = new OpenAI({
        baseURL: target.baseUrl,
        apiKey,
        // Explicitly none: the SDK otherwise reads them from the worker's environment.
        organization: null,
        project: null,
        adminAPIKey: null,
        webhookSecret: null,
        // OPENAI_LOG must not make the SDK print requests from the worker.
        logLevel: "off",
        timeout: options.timeoutMs,
        maxRetries: 0,
        fetch: egressFetch,
      });
      clients.set(key, client);
    }
    return client;
  }

  /** Counts a request per generator: its outcome, its tokens, the kind of a failure. */
  async function counted(target: TInferenceTarget, call: () => Promise<TInferenceResult>) {
    const generator = target.generatorId;
    try {
      const result = await call();
      generationRequests.inc({ generator, outcome: "ok" });
      if (result.promptTokens) generationTokens.inc({ generator, kind: "prompt" }, result.promptTokens);
      if (result.completionTokens)
        generationTokens.inc({ generator, kind: "completion" }, result.completionTokens);
      return result;
    } catch (err) {
      const failure = classifyInferenceError(err);
      generationRequests.inc({ generator, outcome: "error" });
      generationErrors.inc({ generator, kind: failure.kind });
      throw failure;
    }
  }

  /** One request. */
  function complete(
    target: TInferenceTarget,
    prompt: TInferencePrompt,
    overrides: Record<string, unknown> = {},
  ): Promise<TInferenceResult> {
    return counted(target, () => request(target, prompt, overrides));
  }

  async function request(
    target: TInferenceTarget,
    prompt: TInferencePrompt,
    overrides: Record<string, unknown>,
  ): Promise<TInferenceResult> {
    const requestParams = { ...target.params, ...overrides };
    const started = performance.now();
    try {
      const client = clientFor(target);
      if (target.mode === "CHAT") {
        const messages = prompt.messages ?? [{ role: "user" as const, content: prompt.text ?? "" }];
        const { data: res, response } = await client.chat.completions
          .create({
            ...requestParams,
            model: target.model,
            messages,
            stream: false,
          } as OpenAI.ChatCompletionCreateParamsNonStreaming)
          .withResponse();
        const choice = res?.choices?.[0];
        const text = choice?.message?.content;
        if (typeof text !== "string") throw unexpectedShape();
        return finish(res, text, choice?.finish_reason ?? null, started, response.status, requestParams);
      }
      const { data: res, response } = await client.completions
        .create({
          ...requestParams,
          model: target.model,
          prompt: prompt.text ?? renderMessages(prompt.messages ?? []),
          stream: false,
        } as OpenAI.CompletionCreateParamsNonStreaming)
        .withResponse();
      const choice = res?.choices?.[0];
      if (typeof choice?.text !== "string") throw unexpectedShape();
      return finish(res, choice.text, choice.finish_reason ?? null, started, response.status, requestParams);
    } catch (err) {
      throw classifyInferenceError(err);
    }
  }

  /**
   * One streamed request (`stream: true`): `onText` gets each piece as it arrives and is
   * awaited, so pieces leave in order. A stream that goes quiet for `idleTimeoutMs` is
   * aborted; one that ends without a finish reason was cut off. Either is an error.
   */
  function stream(
    target: TInferenceTarget,
    prompt: TInferencePrompt,
    overrides: Record<string, unknown>,
    onText: (text: string) => Promise<void>,
    idleTimeoutMs: number,
  ): Promise<TInferenceResult> {
    return counted(target, () =>
      streamRequest(clientFor(target), target, prompt, overrides, onText, idleTimeoutMs),
    );
  }

  return { complete, stream, close: () => egressFetch.close() };
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
  status: number,
  requestParams: Record<string, unknown>,
): TInferenceResult {
  return {
    text,
    model: typeof res.model === "string" ? res.model : "",
    finishReason,
    promptTokens: res.usage?.prompt_tokens ?? null,
    completionTokens: res.usage?.completion_tokens ?? null,
    latencyMs: Math.round(performance.now() - started),
    status,
    requestParams,
  };
}

/** A well-formed answer of the wrong shape; none of it is kept (it may not come from a model server). */
function unexpectedShape(): InferenceError {
  return new InferenceError("bad_response", false);
}

/** Plain-completion servers take one string; a conversation is flattened turn by turn. */
export function renderMessages(messages: TChatMessage[]): string {
  return `${messages.map((m) => `${m.role}: ${m.content}`).join("\n\n")}\n\nassistant:`;
}
