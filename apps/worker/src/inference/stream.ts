import type OpenAI from "openai";
import {
  renderMessages,
  type TInferencePrompt,
  type TInferenceResult,
  type TInferenceTarget,
} from "./client";
import { InferenceError } from "./errors";

type StreamChunk = {
  model?: string;
  choices?: { delta?: { content?: string | null }; text?: string; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
};

/**
 * The streaming request itself (chat or plain completion), with an idle timer that aborts a
 * stream that stops sending: a stalled server ends the side instead of holding it forever.
 */
export async function streamRequest(
  client: OpenAI,
  target: TInferenceTarget,
  prompt: TInferencePrompt,
  overrides: Record<string, unknown>,
  onText: (text: string) => Promise<void>,
  idleTimeoutMs: number,
): Promise<TInferenceResult> {
  const requestParams = { ...target.params, ...overrides };
  const started = performance.now();
  const abort = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      abort.abort();
    }, idleTimeoutMs);
  };
  const common = {
    ...requestParams,
    model: target.model,
    stream: true,
    stream_options: { include_usage: true },
  };
  let text = "";
  let model = "";
  let finishReason: string | null = null;
  let usage: StreamChunk["usage"] = null;
  let status = 0;
  arm();
  try {
    const { data, response } =
      target.mode === "CHAT"
        ? await client.chat.completions
            .create(
              {
                ...common,
                messages: prompt.messages ?? [{ role: "user" as const, content: prompt.text ?? "" }],
              } as OpenAI.ChatCompletionCreateParamsStreaming,
              { signal: abort.signal },
            )
            .withResponse()
        : await client.completions
            .create(
              {
                ...common,
                prompt: prompt.text ?? renderMessages(prompt.messages ?? []),
              } as OpenAI.CompletionCreateParamsStreaming,
              { signal: abort.signal },
            )
            .withResponse();
    status = response.status;
    for await (const chunk of data as AsyncIterable<StreamChunk>) {
      arm();
      if (typeof chunk.model === "string") model = chunk.model;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      const piece = choice.delta?.content ?? choice.text ?? "";
      if (piece) {
        text += piece;
        await onText(piece);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (err) {
    if (!stalled) throw err;
  } finally {
    clearTimeout(timer);
  }
  // An aborted stream may end its iteration quietly instead of throwing.
  if (stalled) {
    throw new InferenceError("timeout", false, {
      detail: `the model server sent nothing for ${idleTimeoutMs} ms`,
    });
  }
  if (finishReason === null) {
    throw new InferenceError("bad_response", false, {
      detail: "the stream ended before the answer was finished",
    });
  }
  return {
    text,
    model,
    finishReason,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    latencyMs: Math.round(performance.now() - started),
    status,
    requestParams,
  };
}
