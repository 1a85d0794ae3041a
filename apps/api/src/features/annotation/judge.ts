import type { Db } from "@arbiter/db";
import { type TAssignment, type TJudgmentBody, UNDO_WINDOW_SECONDS } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import { judgments } from "../../lib/metrics";
import { afterJudgment, firstChoice, type QualityState } from "../quality/control";
import { type AnswerRules, answerRulesOf } from "./answer-rules";
import { credentialOf } from "./assign";
import { type AssignmentJson, toAssignment } from "./assignment-dto";
import { judgmentBatcherOf } from "./judgment-batches";
import { type CheckedAnswer, checkAnswer } from "./validate-answer";

export type JudgmentDto = {
  id: string;
  assignmentId: string;
  createdAt: string;
  undoableUntil: string;
  counted: boolean;
};

type Judged = {
  ord: number;
  outcome:
    | "created"
    | "replayed"
    | "key_reused"
    | "not_found"
    | "already_judged"
    | "skipped"
    | "unauthenticated"
    | "stale";
  judgment_id: string;
  assignment_id: string;
  project_id: string;
  created_at: Date;
  counted: boolean;
  is_gold: boolean | null;
  state: QualityState | null;
  next: AssignmentJson | null;
  rules: { rules: string; taskType: AnswerRules["taskType"]; questions: unknown; options: number } | null;
};

function toDto(row: Judged): JudgmentDto {
  return {
    id: row.judgment_id,
    assignmentId: row.assignment_id,
    createdAt: row.created_at.toISOString(),
    undoableUntil: new Date(row.created_at.getTime() + UNDO_WINDOW_SECONDS * 1000).toISOString(),
    counted: row.counted,
  };
}

/**
 * arbiter_judge for one answer, sent with the answers of other requests in flight (see
 * judgment-batches.ts); without rules it only returns them, "stale".
 */
async function judge(
  db: Db,
  request: FastifyRequest,
  assignmentId: string,
  idempotencyKey: string,
  body: TJudgmentBody,
  checked: { rules: AnswerRules; answer: CheckedAnswer } | null,
): Promise<Judged> {
  const { userId, apiKeyId, sessionId } = credentialOf(request);
  const answer = checked?.answer;
  return judgmentBatcherOf<Judged>(db.pool).judge({
    assignment: assignmentId,
    annotator: userId,
    api_key: apiKeyId,
    session: sessionId,
    rules: checked?.rules.rules ?? null,
    options: checked?.rules.options ?? null,
    key: idempotencyKey,
    choice: answer?.choice ?? null,
    strength: answer?.strength ?? null,
    ranking: answer?.rankingKeys ?? null,
    answer: body,
    aspects: body.aspects ?? null,
    rationale: body.rationale?.trim() || null,
    flags: body.flags ?? [],
    duration_ms: body.durationMs ?? null,
    first: firstChoice(body),
  });
}

// A project edited between two calls of one request; a third is not worth waiting for.
const MAX_CALLS = 3;

/**
 * Stores an answer exactly once: a retry with the same Idempotency-Key returns the first
 * result; a late answer is kept, and counted only if the item still wants a judgment.
 * Usually one round-trip, which also leases and loads the next assignment (unless the
 * annotator is no longer allowed in the project): the answer is checked against the
 * rules remembered from handing out the assignment, and arbiter_judge refuses it if they
 * are not the current ones. Rules from memory may accept an answer, never reject one: a
 * 400 is only given against rules just read, after the ownership check.
 */
export async function submitJudgment(
  db: Db,
  /** The auth plugin's: ends the request as unauthenticated when the credential lapsed. */
  forgetPrincipal: FastifyInstance["forgetPrincipal"],
  request: FastifyRequest,
  assignmentId: string,
  idempotencyKey: string,
  body: TJudgmentBody,
): Promise<{ judgment: JudgmentDto; next: TAssignment | null; recordedIn: string | null }> {
  const memory = answerRulesOf(db.pool);
  let rules = memory.recall(assignmentId);
  let fresh = false;
  let row: Judged | undefined;
  for (let call = 0; call < MAX_CALLS; call += 1) {
    let checked = null;
    if (rules) {
      const { answer, problems } = checkAnswer(body, rules.taskType, rules.questions, rules.options);
      if (problems.length && fresh)
        throw badRequest(`${problems[0]!.path}: ${problems[0]!.message}`, problems);
      if (!problems.length) checked = { rules, answer };
    }
    row = await judge(db, request, assignmentId, idempotencyKey, body, checked);
    if (row.outcome !== "stale" || !row.rules) break;
    const { taskType, questions } = row.rules;
    rules = { ...row.rules, questions: memory.questionsFor(row.rules.rules, taskType, questions) };
    fresh = true;
  }
  judgments.inc({ outcome: row!.outcome });
  const judgment = outcome(forgetPrincipal, request, row!);
  memory.forget(assignmentId);
  const mayContinue =
    row!.outcome !== "created" ||
    (await afterJudgment(
      db,
      {
        judgmentId: row!.judgment_id,
        projectId: row!.project_id,
        annotatorId: request.principal!.user.id,
        isGold: row!.is_gold === true,
        body,
      },
      row!.is_gold ? undefined : { state: row!.state },
    ));
  return {
    judgment,
    next: mayContinue && row!.next ? toAssignment(row!.next, memory) : null,
    recordedIn: row!.outcome === "created" ? row!.project_id : null,
  };
}

function outcome(
  forgetPrincipal: FastifyInstance["forgetPrincipal"],
  request: FastifyRequest,
  row: Judged,
): JudgmentDto {
  switch (row.outcome) {
    case "created":
    case "replayed":
      return toDto(row);
    case "unauthenticated":
      return forgetPrincipal(request);
    case "stale":
      throw conflict(
        "project_changed",
        "The project's questions changed while answering; send the answer again",
      );
    case "key_reused":
      throw conflict(
        "idempotency_key_reused",
        "This Idempotency-Key was already used for another assignment",
      );
    case "already_judged":
      throw conflict("already_judged", "This assignment was already answered");
    case "skipped":
      throw conflict("assignment_skipped", "This assignment was skipped");
    default:
      throw notFound("Assignment");
  }
}
