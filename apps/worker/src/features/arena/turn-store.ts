import type { TMessage } from "@arbiter/shared";
import type pg from "pg";
import type { TInferenceResult, TInferenceTarget } from "../../inference/client";

/** One side of a turn: the generator to ask (as the inference client takes it) and what it saw before. */
export type TurnSide = TInferenceTarget & {
  side: number;
  status: "STREAMING" | "DONE" | "FAILED";
  completionId: string;
  context: TMessage[];
};

export type LoadedTurn = {
  turnId: string;
  status: string;
  userText: string;
  arena: unknown;
  opening: TMessage[];
  sides: TurnSide[];
};

export async function loadTurn(pool: pg.Pool, battleId: string, turn: number): Promise<LoadedTurn | null> {
  const { rows } = await pool.query<{
    turn_id: string;
    status: string;
    user_text: string;
    arena: unknown;
    messages: TMessage[] | null;
    text: string | null;
  }>(
    `SELECT t.id AS turn_id, t.status, t.user_text, p.arena, pr.messages, pr.text
       FROM battle_turns t
       JOIN battles b ON b.id = t.battle_id
       JOIN projects p ON p.id = b.project_id
       JOIN items i ON i.id = t.item_id
       JOIN prompts pr ON pr.id = i.prompt_id
      WHERE t.battle_id = $1 AND t.turn = $2`,
    [battleId, turn],
  );
  const row = rows[0];
  if (!row) return null;
  const { rows: sides } = await pool.query<{
    side: number;
    status: TurnSide["status"];
    completion_id: string;
    generator_id: string;
    base_url: string;
    model: string;
    mode: TurnSide["mode"];
    params: Record<string, unknown>;
    api_key_ciphertext: Buffer | null;
    api_key_env: string | null;
    context: TMessage[] | null;
  }>(
    `SELECT s.side, s.status, s.completion_id, g.id AS generator_id, g.base_url, g.model, g.mode, g.params,
            g.api_key_ciphertext, g.api_key_env, c.metadata -> 'arena' -> 'context' AS context
       FROM battle_sides s
       JOIN generators g ON g.id = s.generator_id
       JOIN completions c ON c.id = s.completion_id
      WHERE s.turn_id = $1 ORDER BY s.side`,
    [row.turn_id],
  );
  return {
    turnId: row.turn_id,
    status: row.status,
    userText: row.user_text,
    arena: row.arena,
    opening: row.messages ?? [{ role: "user", content: row.text ?? "" }],
    sides: sides.map((s) => ({
      side: s.side,
      status: s.status,
      completionId: s.completion_id,
      generatorId: s.generator_id,
      baseUrl: s.base_url,
      model: s.model,
      mode: s.mode,
      params: s.params ?? {},
      apiKeyCiphertext: s.api_key_ciphertext,
      apiKeyEnv: s.api_key_env,
      context: s.context ?? [],
    })),
  };
}

export type SideResult = TInferenceResult & {
  screening: { flagged: boolean; matches: string[]; action: string; hidden: boolean };
};

/**
 * Stores a side's answer and ends it, once: false when the side had already ended (the sweep
 * or another attempt got there first), and then nothing is written.
 */
export async function finishSide(
  pool: pg.Pool,
  battleId: string,
  turnId: string,
  side: TurnSide,
  r: SideResult,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `WITH s AS (UPDATE battle_sides SET status = 'DONE', updated_at = now()
                 WHERE turn_id = $1 AND side = $2 AND status = 'STREAMING' RETURNING completion_id),
          c AS (UPDATE completions SET text = $3, model = COALESCE(NULLIF($4, ''), model), finish_reason = $5,
                       prompt_tokens = $6, completion_tokens = $7, latency_ms = $8, params = $9::jsonb,
                       metadata = metadata || jsonb_build_object('screening', $10::jsonb)
                 WHERE id = (SELECT completion_id FROM s) RETURNING id)
     UPDATE battles SET tokens_used = tokens_used + $11, updated_at = now()
      WHERE id = $12 AND EXISTS (SELECT 1 FROM c)`,
    [
      turnId,
      side.side,
      r.text,
      r.model,
      r.finishReason,
      r.promptTokens,
      r.completionTokens,
      r.latencyMs,
      JSON.stringify(r.requestParams),
      JSON.stringify(r.screening),
      (r.promptTokens ?? 0) + (r.completionTokens ?? 0),
      battleId,
    ],
  );
  return rowCount === 1;
}

/** Ends a side as failed, once; false when it had already ended. */
export async function failSide(
  pool: pg.Pool,
  turnId: string,
  side: number,
  message: string,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE battle_sides SET status = 'FAILED', error = $3, updated_at = now()
      WHERE turn_id = $1 AND side = $2 AND status = 'STREAMING'`,
    [turnId, side, message],
  );
  return rowCount === 1;
}

/**
 * Settles a turn whose sides have all ended: READY when both answered, FAILED otherwise. A
 * failed turn's assignment is skipped and its item retired, so nothing waits on it; the
 * battle ends with a reason the annotator reads ("start a new battle"). Returns the new status,
 * or null while a side is still streaming or when the turn was settled already.
 */
export async function settleTurn(
  pool: pg.Pool,
  battleId: string,
  turnId: string,
): Promise<"READY" | "FAILED" | null> {
  const { rows } = await pool.query<{ status: "READY" | "FAILED" }>(
    `WITH s AS (SELECT count(*) FILTER (WHERE status = 'STREAMING') AS streaming,
                       count(*) FILTER (WHERE status = 'FAILED') AS failed
                  FROM battle_sides WHERE turn_id = $1),
          t AS (UPDATE battle_turns SET status = CASE WHEN s.failed > 0 THEN 'FAILED'::"BattleStatus"
                                                      ELSE 'READY'::"BattleStatus" END
                  FROM s WHERE id = $1 AND status = 'STREAMING' AND s.streaming = 0
                RETURNING battle_turns.status, battle_turns.assignment_id, battle_turns.item_id),
          a AS (UPDATE assignments SET status = 'SKIPPED', closed_at = now(), skip_reason = 'battle_failed'
                 WHERE id = (SELECT assignment_id FROM t WHERE status = 'FAILED') AND status = 'ACTIVE'),
          i AS (UPDATE items SET status = 'DISABLED' WHERE id = (SELECT item_id FROM t WHERE status = 'FAILED')),
          b AS (UPDATE battles SET status = t.status, updated_at = now(),
                       reason = CASE WHEN t.status = 'FAILED'
                                     THEN 'One of the models could not answer; start a new battle' END
                  FROM t WHERE battles.id = $2 AND battles.status = 'STREAMING')
     SELECT status FROM t`,
    [turnId, battleId],
  );
  return rows[0]?.status ?? null;
}
