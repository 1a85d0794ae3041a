import { randomUUID } from "node:crypto";
import { invalidRequest, OpenAiError } from "./openai-error";
import type { TChoice, TResult } from "./respond";
import { compose } from "./text/compose";

/** Every stand-in model claims this window, so oversized requests fail as they would on vLLM. */
export const CONTEXT_LENGTH = 8192;

export function ensureModel(models: readonly string[], model: string) {
  if (!models.includes(model)) {
    throw new OpenAiError(
      404,
      `The model \`${model}\` does not exist. Served models: ${models.join(", ")}.`,
      "invalid_request_error",
      "model",
      "model_not_found",
    );
  }
}

/** Tokens the reply may use: max_tokens if it fits the window, else a 400 like vLLM's. */
export function tokenLimit(promptTokens: number, maxTokens: number | null | undefined, promptParam: string) {
  const wanted = promptTokens + (maxTokens ?? 1);
  if (wanted > CONTEXT_LENGTH) {
    throw invalidRequest(
      `This model's maximum context length is ${CONTEXT_LENGTH} tokens. However, you requested ${wanted} tokens ` +
        `(${promptTokens} in the ${promptParam}, ${maxTokens ?? 1} in the completion). ` +
        "Please reduce the length of the prompt or completion.",
      maxTokens ? "max_tokens" : promptParam,
      "context_length_exceeded",
    );
  }
  return maxTokens ?? CONTEXT_LENGTH - promptTokens;
}

export type TSamplingRequest = {
  model: string;
  n?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  seed?: number | null;
  stop?: string | string[] | null;
  ignore_eos?: boolean | null;
};

export type TPromptToCompose = {
  mode: "chat" | "completion";
  prompt: string;
  requestKey: string;
  limit: number;
  /** Text put before the reply (completions with `echo`). */
  prefix?: string;
};

export type TComposedChoice = TChoice & { completionTokens: number };

/** n choices per prompt, indexed prompt-major as the OpenAI API does for prompt lists. */
export function composeChoices(request: TSamplingRequest, prompts: TPromptToCompose[]): TComposedChoice[] {
  const n = request.n ?? 1;
  const sampling = { temperature: request.temperature ?? 1, topP: request.top_p ?? 1 };
  const stop = request.stop == null ? [] : Array.isArray(request.stop) ? request.stop : [request.stop];
  return prompts.flatMap((p, promptIndex) =>
    Array.from({ length: n }, (_, i) => {
      const composed = compose({
        model: request.model,
        mode: p.mode,
        prompt: p.prompt,
        requestKey: p.requestKey,
        choiceIndex: i,
        seed: request.seed ?? undefined,
        sampling,
        limit: p.limit,
        stop,
        ignoreEos: request.ignore_eos ?? false,
      });
      return {
        index: promptIndex * n + i,
        text: (p.prefix ?? "") + composed.text,
        finishReason: composed.finishReason,
        completionTokens: composed.completionTokens,
      };
    }),
  );
}

export function buildResult(
  kind: TResult["kind"],
  model: string,
  choices: TComposedChoice[],
  promptTokens: number,
): TResult {
  const completionTokens = choices.reduce((sum, c) => sum + c.completionTokens, 0);
  return {
    kind,
    id: `${kind === "chat" ? "chatcmpl" : "cmpl"}-${randomUUID().replaceAll("-", "")}`,
    created: Math.floor(Date.now() / 1000),
    model,
    choices: choices.map(({ index, text, finishReason }) => ({ index, text, finishReason })),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}
