import type { Redis } from "ioredis";
import type pg from "pg";
import { battleStream } from "./battle-stream";
import { failSide, settleTurn } from "./turn-store";

const SIDE_KEYS = ["A", "B"] as const;
const STALLED = "The answer stopped arriving; start a new battle";

/**
 * Ends turns still streaming long after they started: their job was lost (Redis lost its
 * queue) or gave up (the stall limit), so no worker will finish them. BullMQ's stalled-job
 * recovery handles a worker that died (see streamTurn); this is the backstop, so that no
 * battle stays "streaming". Returns how many turns it ended.
 */
export async function sweepStalledTurns(
  pool: pg.Pool,
  redis: Redis,
  prefix: string,
  olderThanMs: number,
): Promise<number> {
  const { rows } = await pool.query<{ battle_id: string; turn_id: string; turn: number; sides: number[] }>(
    `SELECT t.battle_id, t.id AS turn_id, t.turn,
            array_agg(s.side ORDER BY s.side) FILTER (WHERE s.status = 'STREAMING') AS sides
       FROM battle_turns t JOIN battle_sides s ON s.turn_id = t.id
      WHERE t.status = 'STREAMING' AND t.created_at < now() - make_interval(secs => $1::double precision / 1000)
      GROUP BY t.id LIMIT 500`,
    [olderThanMs],
  );
  for (const row of rows) {
    const events = battleStream(redis, prefix, { battleId: row.battle_id });
    for (const side of row.sides ?? []) {
      if (await failSide(pool, row.turn_id, side, STALLED))
        await events.add({ type: "error", turn: row.turn, side: SIDE_KEYS[side]!, message: STALLED });
    }
    await settleTurn(pool, row.battle_id, row.turn_id);
  }
  return rows.length;
}
