import type { FastifyPluginAsync } from "fastify";
import { buildResult, composeChoices, ensureModel, type TPromptToCompose, tokenLimit } from "../generate";
import { fromZodError } from "../openai-error";
import { sendResult } from "../respond";
import { type TCompletionRequest, ZCompletionRequest } from "../schemas";
import { countTokens } from "../text/tokens";

// vLLM's and OpenAI's default for the legacy completions endpoint.
const DEFAULT_MAX_TOKENS = 16;

/** A prompt may be text, texts, or token ids; ids have no text here, so they stand as numbers. */
function promptTexts(prompt: TCompletionRequest["prompt"]): string[] {
  if (typeof prompt === "string") return [prompt];
  // A flat list of token ids is one prompt, not many.
  if (prompt.every((p) => typeof p === "number")) return [prompt.join(" ")];
  return prompt.map((p) => (Array.isArray(p) ? p.join(" ") : String(p)));
}

export const completionRoutes: FastifyPluginAsync<{ models: readonly string[] }> = async (
  app,
  { models },
) => {
  app.post("/v1/completions", { config: { generation: true } }, async (request, reply) => {
    const parsed = ZCompletionRequest.safeParse(request.body);
    if (!parsed.success) throw fromZodError(parsed.error);
    const body = parsed.data;
    ensureModel(models, body.model);
    const texts = promptTexts(body.prompt);
    const promptTokens = texts.reduce((sum, t) => sum + countTokens(t), 0);
    const maxTokens = body.max_tokens ?? DEFAULT_MAX_TOKENS;
    const prompts: TPromptToCompose[] = texts.map((text) => ({
      mode: "completion",
      prompt: text,
      requestKey: JSON.stringify([body.model, text, body.temperature, body.top_p]),
      limit: tokenLimit(countTokens(text), maxTokens, "prompt"),
      prefix: body.echo ? text : "",
    }));
    const choices = composeChoices(body, prompts);
    const result = buildResult("completion", body.model, choices, promptTokens);
    const stream = body.stream ? { includeUsage: body.stream_options?.include_usage ?? false } : null;
    return sendResult(request, reply, result, stream);
  });
};
