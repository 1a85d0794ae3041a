import type { Db } from "@arbiter/db";
import type { TJudgmentBody, TQualityRules } from "@arbiter/shared";
import { notFound } from "../../lib/http-error";
import { binomialTestHalf } from "../../lib/stats";
import { quotaReached } from "../crowd/service";
import { qualityRulesOf } from "../projects/serialize";
import { isGoldCorrect } from "./gold";

type Status = "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
/** An annotator's running quality record in a project, with the project's rules. */
export type QualityState = {
  status: Status;
  gold_answered: number;
  gold_correct: number;
  gold_llr: number;
  decisive: number;
  first_shown: number;
  qualification: unknown;
  options_per_item: number;
  crowd: boolean;
};

/** The shown option an answer put first, when it put exactly one first. */
export function firstChoice(body: TJudgmentBody): string | null {
  if (body.choice === "A" || body.choice === "B") return body.choice;
  const best = body.ranking?.[0];
  return best?.length === 1 ? best[0]! : null;
}

/** Scores a gold answer (null for any other item), with the accuracy an honest annotator has. */
async function scoreGold(db: Db, judgmentId: string): Promise<{ correct: boolean; honest: number } | null> {
  const { rows } = await db.pool.query<{
    gold: never;
    choice: string | null;
    strength: number | null;
    ranking: string[][] | null;
    qualification: unknown;
  }>(
    `SELECT i.gold_answer AS gold, j.choice, j.strength, j.ranking, p.qualification
       FROM judgments j JOIN items i ON i.id = j.item_id JOIN projects p ON p.id = j.project_id
      WHERE j.id = $1`,
    [judgmentId],
  );
  const row = rows[0];
  if (!row?.gold) return null;
  const correct = isGoldCorrect(row.gold, row);
  await db.pool.query("UPDATE judgments SET gold_correct = $2 WHERE id = $1", [judgmentId, correct]);
  const rules = qualityRulesOf({ qualification: row.qualification as never });
  return { correct, honest: rules.goldHonestAccuracy };
}

/** The next status of an annotator, and why, from their running record. */
export function decide(state: QualityState, rules: TQualityRules): { status: Status; reason: string } | null {
  if (state.status === "QUALIFYING" && state.gold_answered >= rules.qualificationItems) {
    const accuracy = state.gold_correct / Math.max(1, state.gold_answered);
    return accuracy >= rules.qualificationMinAccuracy
      ? {
          status: "ADMITTED",
          reason: `qualified with ${state.gold_correct}/${state.gold_answered} gold answers right`,
        }
      : {
          status: "REJECTED",
          reason: `${state.gold_correct}/${state.gold_answered} qualification answers right; ${Math.round(rules.qualificationMinAccuracy * 100)} % needed`,
        };
  }
  if (state.status !== "ADMITTED" && state.status !== "QUALIFYING") return null;
  if (state.gold_answered >= rules.minGoldAnswers && state.gold_llr <= -Math.log(rules.quarantineOdds)) {
    return {
      status: "QUARANTINED",
      reason: `gold accuracy ${state.gold_correct}/${state.gold_answered} is consistent with guessing (odds ${Math.round(Math.exp(-state.gold_llr))}:1)`,
    };
  }
  if (state.decisive >= rules.positionBiasMinJudgments) {
    const p = binomialTestHalf(state.first_shown, state.decisive);
    if (p < rules.positionBiasP) {
      return {
        status: "QUARANTINED",
        reason: `chose the first-shown option ${state.first_shown}/${state.decisive} times (p = ${p.toExponential(1)})`,
      };
    }
  }
  return null;
}

/** Adds a new answer to the annotator's running record (and scores it when gold). */
async function recordAnswer(
  db: Db,
  input: { judgmentId: string; projectId: string; annotatorId: string; isGold: boolean; body: TJudgmentBody },
): Promise<QualityState | null> {
  const gold = input.isGold ? await scoreGold(db, input.judgmentId) : null;
  // The arithmetic is arbiter_record_answers', the same the judgment functions use.
  const { rows } = await db.pool.query<{ record: QualityState }>(
    `SELECT x.record FROM arbiter_record_answers(ARRAY[$1::uuid], ARRAY[$2::uuid], ARRAY[$3::text],
                                                 ARRAY[$4::boolean], ARRAY[$5::float8]) AS x`,
    [
      input.projectId,
      input.annotatorId,
      firstChoice(input.body),
      gold?.correct ?? null,
      gold?.honest ?? null,
    ],
  );
  return rows[0]?.record ?? null;
}

/**
 * Quality control after a new answer: scores gold answers, updates the annotator's
 * running record and applies qualification and automatic quarantine. Returns false when
 * the annotator may not continue (their next lease is then released). `recorded` is the
 * record as already updated with a non-gold answer, in the answer's own transaction
 * (arbiter_judge does that, through the same arbiter_record_answers as recordAnswer).
 */
export async function afterJudgment(
  db: Db,
  input: { judgmentId: string; projectId: string; annotatorId: string; isGold: boolean; body: TJudgmentBody },
  recorded?: { state: QualityState | null },
): Promise<boolean> {
  const state = recorded ? recorded.state : await recordAnswer(db, input);
  if (!state) return true;
  const rules = qualityRulesOf({ qualification: state.qualification as never });
  const next = decide(state, rules);
  if (!next) {
    if (state.crowd && (await quotaReached(db, input.projectId, input.annotatorId))) {
      await releaseLeases(db, input.projectId, input.annotatorId);
      return false;
    }
    return state.status === "ADMITTED" || state.status === "QUALIFYING";
  }
  await setAnnotatorStatus(
    db,
    input.projectId,
    input.annotatorId,
    next.status,
    next.reason,
    null,
    state.status,
  );
  return next.status === "ADMITTED";
}

/** Ends the annotator's open leases in the project, so their items go to others at once. */
async function releaseLeases(db: Db, projectId: string, userId: string): Promise<void> {
  await db.pool.query(
    `UPDATE assignments SET expires_at = now()
      WHERE project_id = $1 AND annotator_id = $2 AND status = 'ACTIVE' AND expires_at > now()`,
    [projectId, userId],
  );
}

/**
 * Their answers stop counting towards each item's overlap and finished items reopen, so
 * others make up the judgments that exports will leave out. A later re-admission does not
 * count them again (the items may be full by then); they stay stored and exportable.
 */
async function uncountJudgments(db: Db, projectId: string, userId: string): Promise<void> {
  await db.pool.query(
    `WITH uncounted AS (
       UPDATE judgments SET counted = false
        WHERE project_id = $1 AND annotator_id = $2 AND counted AND superseded_at IS NULL
       RETURNING item_id),
     per_item AS (SELECT item_id, count(*)::int AS n FROM uncounted GROUP BY item_id)
     UPDATE items i
        SET judgments_count = i.judgments_count - per_item.n,
            status = CASE WHEN i.status = 'COMPLETE' THEN 'OPEN'::"ItemStatus" ELSE i.status END,
            completed_at = NULL
       FROM per_item WHERE i.id = per_item.item_id`,
    [projectId, userId],
  );
}

/** An admin quarantines an annotator in a project, or clears them; the reason says who did it. */
export async function setStatusByAdmin(
  db: Db,
  projectId: string,
  userId: string,
  body: { status: "ADMITTED" | "QUARANTINED"; reason?: string | undefined },
  adminId: string,
): Promise<void> {
  const [project, user] = await Promise.all([
    db.prisma.project.findUnique({ where: { id: projectId } }),
    db.prisma.user.findUnique({ where: { id: userId } }),
  ]);
  if (!project) throw notFound("Project");
  if (!user) throw notFound("User");
  const reason =
    body.reason ?? (body.status === "ADMITTED" ? "cleared by an admin" : "quarantined by an admin");
  await setAnnotatorStatus(db, projectId, userId, body.status, reason, adminId);
}

/** Moves an annotator to a status; leaving the stream releases their open leases. */
export async function setAnnotatorStatus(
  db: Db,
  projectId: string,
  userId: string,
  status: Status,
  reason: string | null,
  actorId: string | null,
  from?: Status,
): Promise<boolean> {
  const { rowCount } = await db.pool.query(
    `INSERT INTO annotator_states (project_id, user_id, status, reason, changed_at, changed_by_id)
     VALUES ($1, $2, $3, $4, now(), $5)
     ON CONFLICT (project_id, user_id) DO UPDATE
        SET status = EXCLUDED.status, reason = EXCLUDED.reason, changed_at = now(), changed_by_id = EXCLUDED.changed_by_id
      WHERE $6::"AnnotatorStatus" IS NULL OR annotator_states.status = $6::"AnnotatorStatus"`,
    [projectId, userId, status, reason, actorId, from ?? null],
  );
  if (!rowCount) return false;
  if (status === "QUARANTINED" || status === "REJECTED") {
    await releaseLeases(db, projectId, userId);
    await uncountJudgments(db, projectId, userId);
  }
  await db.prisma.auditEvent.create({
    data: {
      actorId,
      action: `annotator.${status.toLowerCase()}`,
      targetType: "user",
      targetId: userId,
      data: { projectId, reason },
    },
  });
  return true;
}
