import {
  BATTLE_STREAM_MAXLEN,
  BATTLE_STREAM_TTL_SECONDS,
  battleStreamKey,
  type TStreamTurnPayload,
} from "@arbiter/jobs";
import type { TBattleEvent } from "@arbiter/shared";
import type { Redis } from "ioredis";

/**
 * Appends events to a battle's Redis Stream (trimmed to about MAXLEN entries, expiring a day
 * after the last write). The entry id Redis gives is the event's SSE id.
 */
export function battleStream(
  redis: Redis,
  prefix: string,
  { battleId }: Pick<TStreamTurnPayload, "battleId">,
) {
  const key = battleStreamKey(prefix, battleId);
  return {
    key,
    async add(event: TBattleEvent): Promise<void> {
      await redis.xadd(
        key,
        "MAXLEN",
        "~",
        BATTLE_STREAM_MAXLEN,
        "*",
        "type",
        event.type,
        "data",
        JSON.stringify(event),
      );
    },
    async touch(): Promise<void> {
      await redis.expire(key, BATTLE_STREAM_TTL_SECONDS);
    },
  };
}
