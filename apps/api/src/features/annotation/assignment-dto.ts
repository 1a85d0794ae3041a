import type { TAssignment, TMessage } from "@arbiter/shared";
import { OPTION_KEYS } from "@arbiter/shared";
import type pg from "pg";
import { toTaskType } from "../projects/serialize";
import { type AnswerRulesMemory, answerRulesOf } from "./answer-rules";

type Queryable = Pick<pg.Pool, "query">;

/** What arbiter_assignment_dto returns (see its migration). */
export type AssignmentJson = {
  id: string;
  expiresAt: string;
  guidelines: string;
  taskType: "PAIRWISE" | "RANKING";
  questions: unknown;
  rules: string;
  messages: TMessage[] | null;
  text: string | null;
  options: string[];
};

/**
 * The assignment as the annotator sees it: options in the shown order, without model
 * names or ids. Its answer rules are remembered for the judgment that follows.
 */
export function toAssignment(row: AssignmentJson, memory: AnswerRulesMemory): TAssignment {
  const questions = memory.questionsFor(row.rules, row.taskType, row.questions);
  memory.remember(row.id, row.rules, row.options.length);
  return {
    id: row.id,
    expiresAt: new Date(row.expiresAt).toISOString(),
    project: { guidelines: row.guidelines, taskType: toTaskType(row.taskType), questions },
    prompt: row.messages ? { messages: row.messages } : { text: row.text ?? "" },
    options: row.options.map((text, i) => ({ key: OPTION_KEYS[i]!, text })),
  };
}

export async function loadAssignmentDto(db: Queryable, assignmentId: string): Promise<TAssignment> {
  const { rows } = await db.query<{ a: AssignmentJson | null }>({
    name: "assignment-dto",
    text: "SELECT arbiter_assignment_dto($1) AS a",
    values: [assignmentId],
  });
  if (!rows[0]?.a) throw new Error(`assignment ${assignmentId} vanished`);
  return toAssignment(rows[0].a, answerRulesOf(db));
}

/** Finds the live assignment or leases a new one (when allowNew), with its content, in one round-trip. */
export async function leaseAndLoad(
  db: Queryable,
  projectId: string,
  annotatorId: string,
  leaseSeconds: number,
  allowNew: boolean,
): Promise<TAssignment | null> {
  const { rows } = await db.query<{ a: AssignmentJson | null }>({
    name: "lease-dto",
    text: "SELECT arbiter_lease_dto($1, $2, $3, $4) AS a",
    values: [projectId, annotatorId, leaseSeconds, allowNew],
  });
  const row = rows[0]?.a;
  return row ? toAssignment(row, answerRulesOf(db)) : null;
}
