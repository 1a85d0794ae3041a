import { z } from "zod";
import { ZJudgmentBody } from "./annotation";
import { ZMessage } from "./prompts";

export const ZCreateBattleBody = z
  .strictObject({ prompt: z.string().trim().min(1).max(100_000).optional() })
  .default({});
export type TCreateBattleBody = z.infer<typeof ZCreateBattleBody>;
export const ZBattleTurnBody = z.strictObject({ prompt: z.string().trim().min(1).max(100_000) });
export type TBattleTurnBody = z.infer<typeof ZBattleTurnBody>;
/** A judgment of the conversation so far; `end: true` closes the battle (and reveals, if the project says so). */
export const ZBattleVoteBody = ZJudgmentBody.extend({ end: z.boolean().default(false) });
export type TBattleVoteBody = z.infer<typeof ZBattleVoteBody>;

export const ZBattleStatus = z.enum(["streaming", "ready", "voted", "failed", "closed"]);
export type TBattleStatus = z.infer<typeof ZBattleStatus>;
export const ZBattleSideStatus = z.enum(["streaming", "done", "failed"]);

export const ZBattleSide = z.object({
  /** "A" is shown left (side 0), "B" right. */
  key: z.enum(["A", "B"]),
  status: ZBattleSideStatus,
  /** As the annotator sees it (masked when the project masks names); empty while streaming. */
  text: z.string(),
  finishReason: z.string().nullable(),
  error: z.string().nullable(),
});
export const ZBattleTurn = z.object({
  turn: z.number(),
  status: ZBattleStatus,
  prompt: z.string(),
  assignmentId: z.string(),
  judgmentId: z.string().nullable(),
  sides: z.array(ZBattleSide),
});
export const ZBattle = z.object({
  id: z.string(),
  projectId: z.string(),
  status: ZBattleStatus,
  /** Why a failed or closed battle ended, in words for the annotator. */
  reason: z.string().nullable(),
  /** The conversation's opening (a system message and the first user turn). */
  prompt: z.array(ZMessage),
  turns: z.array(ZBattleTurn),
  /** The models' names by side, once revealed; null before. */
  models: z.object({ A: z.string(), B: z.string() }).nullable(),
  /** Path of the event stream (Server-Sent Events). */
  eventsUrl: z.string(),
  createdAt: z.string(),
});
export type TBattle = z.infer<typeof ZBattle>;
export const ZBattleResponse = z.object({ battle: ZBattle });
export type TBattleResponse = z.infer<typeof ZBattleResponse>;
export const ZBattleVoteResponse = z.object({
  battle: ZBattle,
  judgment: z.object({ id: z.string(), createdAt: z.string(), counted: z.boolean() }),
});

export const ZArenaUsage = z.object({
  battles: z.number(),
  tokensUsed: z.number(),
  tokenBudget: z.number().nullable(),
});
export type TArenaUsage = z.infer<typeof ZArenaUsage>;
export const ZArenaUsageResponse = z.object({ usage: ZArenaUsage });

/**
 * The events of GET /battles/:id/events, as the `data:` JSON of each SSE message (the SSE
 * `event:` field carries `type`). Model identities never travel here.
 */
export const ZBattleEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("token"), turn: z.number(), side: z.enum(["A", "B"]), text: z.string() }),
  z.object({
    type: z.literal("done"),
    turn: z.number(),
    side: z.enum(["A", "B"]),
    finishReason: z.string().nullable(),
    tokens: z.number().nullable(),
  }),
  z.object({ type: z.literal("error"), turn: z.number(), side: z.enum(["A", "B"]), message: z.string() }),
  z.object({ type: z.literal("ready"), turn: z.number() }),
]);
export type TBattleEvent = z.infer<typeof ZBattleEvent>;
