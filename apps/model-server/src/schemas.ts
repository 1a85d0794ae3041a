import { z } from "zod";

// Loose objects: clients and generators pass vLLM extras (min_p, repetition_penalty, ...)
// that the stand-in accepts and ignores; only the fields it honours are checked.
const ZSampling = {
  model: z.string().min(1),
  n: z.int().min(1).max(128).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  max_tokens: z.int().min(1).nullish(),
  seed: z.int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(16)]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  ignore_eos: z.boolean().nullish(),
};

const ZContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

export const ZChatMessage = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z.union([z.string(), z.array(ZContentPart), z.null()]).optional(),
});

export const ZChatRequest = z.looseObject({
  ...ZSampling,
  messages: z.array(ZChatMessage).min(1),
  max_completion_tokens: z.int().min(1).nullish(),
});

export const ZCompletionRequest = z.looseObject({
  ...ZSampling,
  prompt: z.union([
    z.string(),
    z.array(z.string()).min(1),
    z.array(z.int()).min(1),
    z.array(z.array(z.int()).min(1)).min(1),
  ]),
  echo: z.boolean().nullish(),
});

export type TChatRequest = z.infer<typeof ZChatRequest>;
export type TChatMessage = z.infer<typeof ZChatMessage>;
export type TCompletionRequest = z.infer<typeof ZCompletionRequest>;
