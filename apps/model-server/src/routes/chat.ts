import type { FastifyPluginAsync } from "fastify";
import { buildResult, composeChoices, ensureModel, tokenLimit } from "../generate";
import { fromZodError } from "../openai-error";
import { sendResult } from "../respond";
import { type TChatMessage, ZChatRequest } from "../schemas";
import { countTokens } from "../text/tokens";

function contentText(message: TChatMessage): string {
  if (typeof message.content === "string") return message.content;
  return (message.content ?? []).map((part) => part.text ?? "").join(" ");
}

/** Roughly what a chat template adds: a few tokens of framing per message and for the reply. */
function chatPromptTokens(messages: TChatMessage[]): number {
  return messages.reduce((sum, m) => sum + countTokens(contentText(m)) + 3, 3);
}

export const chatRoutes: FastifyPluginAsync<{ models: readonly string[] }> = async (app, { models }) => {
  app.post("/v1/chat/completions", { config: { generation: true } }, async (request, reply) => {
    const parsed = ZChatRequest.safeParse(request.body);
    if (!parsed.success) throw fromZodError(parsed.error);
    const body = parsed.data;
    ensureModel(models, body.model);
    const promptTokens = chatPromptTokens(body.messages);
    const limit = tokenLimit(promptTokens, body.max_completion_tokens ?? body.max_tokens, "messages");
    const lastUser = body.messages.findLast((m) => m.role === "user") ?? body.messages.at(-1)!;
    const requestKey = JSON.stringify([body.model, body.messages, body.temperature, body.top_p]);
    const choices = composeChoices(body, [
      { mode: "chat", prompt: contentText(lastUser), requestKey, limit },
    ]);
    const result = buildResult("chat", body.model, choices, promptTokens);
    const stream = body.stream ? { includeUsage: body.stream_options?.include_usage ?? false } : null;
    return sendResult(request, reply, result, stream);
  });
};
