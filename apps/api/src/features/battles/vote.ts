import type { Db } from "@arbiter/db";
import type { TBattle, TBattleVoteBody } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { conflict } from "../../lib/http-error";
import { submitJudgment } from "../annotation/judge";
import { loadBattle, toBattleDto } from "./battle-dto";

/**
 * The vote on the conversation so far goes through the judgment path itself (exactly once
 * per Idempotency-Key, quality control after it), on the current turn's assignment. Only a
 * turn whose two sides finished may be judged; `end` closes the battle and reveals the models
 * when the project says so.
 */
export async function voteBattle(
  db: Db,
  forgetPrincipal: FastifyInstance["forgetPrincipal"],
  request: FastifyRequest,
  battleId: string,
  idempotencyKey: string,
  body: TBattleVoteBody,
): Promise<{ battle: TBattle; judgment: { id: string; createdAt: string; counted: boolean } }> {
  const user = request.principal!.user;
  const { current, settings } = await loadBattle(db, user, battleId, { ownerOnly: true });
  if (current.status === "STREAMING") {
    throw conflict("battle_streaming", "The answers are still coming; vote once both have finished");
  }
  if (current.status === "FAILED" || current.status === "CLOSED") {
    throw conflict(
      "battle_side_failed",
      "One of the answers failed, so this turn cannot be judged; start a new battle",
    );
  }
  const { end, ...answer } = body;
  const { judgment } = await submitJudgment(
    db,
    forgetPrincipal,
    request,
    current.assignment_id,
    idempotencyKey,
    answer,
  );
  await db.pool.query(
    `WITH t AS (UPDATE battle_turns SET status = 'VOTED' WHERE battle_id = $1 AND turn = $2 AND status = 'READY')
     UPDATE battles SET status = CASE WHEN $3 THEN 'CLOSED'::"BattleStatus" ELSE 'VOTED'::"BattleStatus" END,
            reason = CASE WHEN $3 THEN 'Ended by the annotator' ELSE reason END,
            revealed = revealed OR ($3 AND $4), updated_at = now()
      WHERE id = $1 AND status IN ('READY', 'VOTED')`,
    [battleId, current.turn, end, settings.revealModels],
  );
  const battle = toBattleDto(await loadBattle(db, user, battleId));
  return { battle, judgment: { id: judgment.id, createdAt: judgment.createdAt, counted: judgment.counted } };
}
