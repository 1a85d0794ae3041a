import { z } from "zod";
import { ZId } from "./common";
import { ZGoldInput } from "./quality";

export const ZMessage = z.strictObject({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string().max(200_000),
});
export type TMessage = z.infer<typeof ZMessage>;

const ZMetadata = z.record(z.string().max(200), z.unknown());

/** A prompt is a conversation or plain text, never both. */
export const ZPromptInput = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200).optional(),
    messages: z.array(ZMessage).min(1).max(200).optional(),
    text: z.string().min(1).max(200_000).optional(),
    metadata: ZMetadata.optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.messages === undefined) === (p.text === undefined)) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "give exactly one of messages or text" });
    }
  });
export type TPromptInput = z.infer<typeof ZPromptInput>;

export const ZCreatePromptsBody = z.strictObject({ prompts: z.array(ZPromptInput).min(1).max(10_000) });

export const ZPrompt = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  messages: z.array(ZMessage).nullable(),
  text: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  /** True when the same prompt already existed in the project and was reused. */
  duplicate: z.boolean(),
});
export const ZCreatePromptsResponse = z.object({ prompts: z.array(ZPrompt) });

export const ZCompletionInput = z.strictObject({
  text: z.string().max(200_000),
  model: z.string().trim().min(1).max(200),
  metadata: ZMetadata.optional(),
});

export const ZItemInput = z.strictObject({
  promptId: ZId,
  completions: z.array(ZCompletionInput).min(2).max(9),
  priority: z.number().int().min(-1000).max(1000).optional(),
  // A gold item carries its known answer; it is mixed into the stream to check annotators.
  gold: ZGoldInput.optional(),
});
export const ZCreateItemsBody = z.strictObject({ items: z.array(ZItemInput).min(1).max(10_000) });

export const ZItem = z.object({
  id: z.string(),
  promptId: z.string(),
  completionIds: z.array(z.string()),
  status: z.enum(["OPEN", "COMPLETE", "DISABLED"]),
  judgmentsWanted: z.number(),
  judgmentsCount: z.number(),
  priority: z.number(),
  isGold: z.boolean(),
});
export const ZCreateItemsResponse = z.object({ items: z.array(ZItem) });
