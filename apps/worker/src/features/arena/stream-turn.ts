import { BATTLE_STREAM_TTL_SECONDS, type TStreamTurnPayload, turnStartedKey } from "@arbiter/jobs";
import { screenText, type TArenaSettings, type TMessage, ZArenaSettings } from "@arbiter/shared";
import type { Redis } from "ioredis";
import type pg from "pg";
import type { InferenceClient } from "../../inference/client";
import { battleStream } from "./battle-stream";
import { createMaskingStream } from "./masking-stream";
import type { ModerationClient } from "./moderate";
import { failSide, finishSide, loadTurn, settleTurn, type TurnSide } from "./turn-store";

export type StreamTurnDeps = {
  pool: pg.Pool;
  redis: Redis;
  prefix: string;
  inference: Pick<InferenceClient, "stream">;
  moderation: Pick<ModerationClient, "flags">;
  /** A stream that sends nothing for this long is ended as stalled. */
  idleTimeoutMs: number;
};

const SIDE_KEYS = ["A", "B"] as const;
const INTERRUPTED = "The answer was interrupted (the arena restarted while it streamed); start a new battle";

/**
 * Streams one battle turn: moderation first (when the project has an endpoint), then both
 * sides at once, each token appended to the battle's stream as it arrives. Each side ends with
 * `done` (answer stored, screened) or `error`; the turn then settles, and `ready` follows
 * when both answered.
 *
 * A second attempt after tokens went out (the worker died mid-stream) does not stream again:
 * the browser already holds half an answer, so the sides still open end with an error instead
 * of sending tokens twice.
 */
export async function streamTurn(deps: StreamTurnDeps, payload: TStreamTurnPayload): Promise<string> {
  const { battleId, turn } = payload;
  const loaded = await loadTurn(deps.pool, battleId, turn);
  if (loaded?.status !== "STREAMING") return "settled";
  const settings = ZArenaSettings.parse(loaded.arena ?? {});
  const events = battleStream(deps.redis, deps.prefix, payload);
  const open = loaded.sides.filter((s) => s.status === "STREAMING");
  const failAll = async (message: string) => {
    for (const side of open) {
      if (await failSide(deps.pool, loaded.turnId, side.side, message))
        await events.add({ type: "error", turn, side: SIDE_KEYS[side.side]!, message });
    }
  };

  const started = turnStartedKey(deps.prefix, battleId, turn);
  const refusal =
    (await deps.redis.set(started, "1", "EX", BATTLE_STREAM_TTL_SECONDS, "NX")) !== "OK"
      ? INTERRUPTED
      : settings.moderation.endpointUrl
        ? await moderationRefusal(deps, settings.moderation.endpointUrl, loaded.userText)
        : null;
  if (refusal) await failAll(refusal);
  else {
    const at = { battleId, turn, turnId: loaded.turnId };
    await Promise.all(open.map((side) => streamSide(deps, events, at, side, loaded.opening, settings)));
  }
  const status = await settleTurn(deps.pool, battleId, loaded.turnId);
  if (status === "READY") await events.add({ type: "ready", turn });
  await events.touch();
  return status ?? "settled";
}

async function moderationRefusal(deps: StreamTurnDeps, url: string, text: string): Promise<string | null> {
  try {
    return (await deps.moderation.flags(url, text))
      ? "The moderation service refused this prompt; write another one"
      : null;
  } catch {
    return "The moderation service could not be reached, so the prompt was not sent; try again shortly";
  }
}

async function streamSide(
  deps: StreamTurnDeps,
  events: ReturnType<typeof battleStream>,
  at: { battleId: string; turn: number; turnId: string },
  side: TurnSide,
  opening: TMessage[],
  settings: TArenaSettings,
): Promise<void> {
  const key = SIDE_KEYS[side.side]!;
  const { patterns, action } = settings.screening;
  const masker = action === "mask" ? createMaskingStream(patterns) : null;
  const send = async (text: string) => {
    if (text) await events.add({ type: "token", turn: at.turn, side: key, text });
  };
  // Each side's own earlier answers follow the opening (see the API's createTurn).
  const messages = [...opening, ...side.context];
  const maxTokens = Math.min(
    Number(side.params.max_tokens ?? side.params.max_completion_tokens ?? Number.POSITIVE_INFINITY),
    settings.limits.maxTokensPerTurn,
  );
  try {
    const result = await deps.inference.stream(
      side,
      { messages, text: null },
      { max_tokens: maxTokens },
      (piece) => send(masker ? masker.push(piece) : piece),
      deps.idleTimeoutMs,
    );
    if (masker) await send(masker.end());
    const matches = screenText(result.text, patterns);
    const screening = {
      flagged: matches.length > 0,
      matches,
      action,
      hidden: matches.length > 0 && action === "hide",
    };
    if (await finishSide(deps.pool, at.battleId, at.turnId, side, { ...result, screening })) {
      const tokens = result.completionTokens;
      await events.add({ type: "done", turn: at.turn, side: key, finishReason: result.finishReason, tokens });
    }
  } catch (err) {
    const message = `This model could not answer: ${(err as Error).message}`;
    if (await failSide(deps.pool, at.turnId, side.side, message))
      await events.add({ type: "error", turn: at.turn, side: key, message });
  }
}
