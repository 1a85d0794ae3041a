import { type TAssignment, type TJudgmentBody, UNDO_WINDOW_SECONDS } from "@arbiter/shared";
import type { FastifyInstance } from "fastify";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";
import { questionsOf } from "../projects/serialize";
import { afterJudgment } from "../quality/control";
import type { AnnotatableProject } from "./access";
import { loadAssignmentDto } from "./assignment-dto";
import { checkAnswer } from "./validate-answer";

export type JudgmentDto = {
  id: string;
  assignmentId: string;
  createdAt: string;
  undoableUntil: string;
  counted: boolean;
};

type Recorded = {
  outcome: "created" | "replayed" | "key_reused" | "not_found" | "already_judged" | "skipped";
  judgment_id: string;
  assignment_id: string;
  project_id: string;
  created_at: Date;
  counted: boolean;
  next_id: string | null;
  is_gold: boolean | null;
};

function toDto(row: Recorded): JudgmentDto {
  return {
    id: row.judgment_id,
    assignmentId: row.assignment_id,
    createdAt: row.created_at.toISOString(),
    undoableUntil: new Date(row.created_at.getTime() + UNDO_WINDOW_SECONDS * 1000).toISOString(),
    counted: row.counted,
  };
}

/** What the answer is checked against, and where the next assignment comes from, in one read. */
async function loadContext(app: FastifyInstance, user: AuthUser, assignmentId: string) {
  const { rows } = await app.db.pool.query<{
    annotator_id: string;
    options: number;
    project_id: string;
    status: AnnotatableProject["status"];
    lease_seconds: number;
    task_type: "PAIRWISE" | "RANKING";
    questions: unknown;
    allowed: boolean;
  }>({
    name: "judgment-context",
    text: `SELECT a.annotator_id, cardinality(a.shown_order) AS options, p.id AS project_id, p.status,
                  p.lease_seconds, p.task_type, p.questions,
                  ($3 OR EXISTS (SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                                  WHERE pp.project_id = p.id AND m.user_id = $2)) AS allowed
             FROM assignments a JOIN projects p ON p.id = a.project_id
            WHERE a.id = $1`,
    values: [assignmentId, user.id, user.role !== "ANNOTATOR"],
  });
  const row = rows[0];
  // Someone else's assignment is indistinguishable from a missing one.
  if (!row || row.annotator_id !== user.id) throw notFound("Assignment");
  return row;
}

/**
 * Stores an answer exactly once (arbiter_record_judgment, see its migration): a retry
 * with the same Idempotency-Key returns the first result; a late answer is kept, and
 * counted only if the item still wants a judgment. The next assignment is leased in the
 * same round-trip, unless the annotator is no longer allowed in the project.
 */
export async function submitJudgment(
  app: FastifyInstance,
  user: AuthUser,
  assignmentId: string,
  idempotencyKey: string,
  body: TJudgmentBody,
): Promise<{ judgment: JudgmentDto; next: TAssignment | null }> {
  const context = await loadContext(app, user, assignmentId);
  const { answer, problems } = checkAnswer(
    body,
    context.task_type,
    questionsOf({ questions: context.questions as never }),
    context.options,
  );
  if (problems.length) throw badRequest(`${problems[0]!.path}: ${problems[0]!.message}`, problems);
  const { rows } = await app.db.pool.query<Recorded>({
    name: "record-judgment",
    text: "SELECT * FROM arbiter_record_judgment($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    values: [
      assignmentId,
      user.id,
      idempotencyKey,
      answer.choice,
      answer.strength,
      answer.rankingKeys ? JSON.stringify(answer.rankingKeys) : null,
      JSON.stringify(body),
      body.aspects ? JSON.stringify(body.aspects) : null,
      body.rationale?.trim() || null,
      body.flags ?? [],
      body.durationMs ?? null,
      context.allowed ? context.lease_seconds : null,
      context.status === "ACTIVE",
    ],
  });
  const row = rows[0]!;
  const judgment = outcome(row);
  const mayContinue =
    row.outcome !== "created" ||
    (await afterJudgment(app, {
      judgmentId: row.judgment_id,
      projectId: row.project_id,
      annotatorId: user.id,
      isGold: row.is_gold === true,
      body,
    }));
  return {
    judgment,
    next: mayContinue && row.next_id ? await loadAssignmentDto(app.db.pool, row.next_id) : null,
  };
}

function outcome(row: Recorded): JudgmentDto {
  switch (row.outcome) {
    case "created":
    case "replayed":
      return toDto(row);
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
