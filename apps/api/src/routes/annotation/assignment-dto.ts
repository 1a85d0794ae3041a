import { OPTION_KEYS, type TAssignment, type TMessage } from "@arbiter/shared";
import type pg from "pg";
import { questionsOf, toTaskType } from "../projects/serialize";

type Queryable = Pick<pg.Pool, "query">;

type DtoRow = {
  id: string;
  expires_at: Date;
  shown_order: string[];
  guidelines: string;
  task_type: "PAIRWISE" | "RANKING";
  questions: unknown;
  messages: TMessage[] | null;
  text: string | null;
  completions: { id: string; text: string }[];
};

const DTO_SQL = `
  SELECT a.id, a.expires_at, a.shown_order, p.guidelines, p.task_type, p.questions, pr.messages, pr.text,
         (SELECT json_agg(json_build_object('id', c.id, 'text', c.text)) FROM completions c
           WHERE c.id = ANY(a.shown_order)) AS completions
    FROM assignments a
    JOIN projects p ON p.id = a.project_id
    JOIN items i ON i.id = a.item_id
    JOIN prompts pr ON pr.id = i.prompt_id
   WHERE a.id = $1`;

function toDto(row: DtoRow): TAssignment {
  const textById = new Map(row.completions.map((c) => [c.id, c.text]));
  return {
    id: row.id,
    expiresAt: row.expires_at.toISOString(),
    project: {
      guidelines: row.guidelines,
      taskType: toTaskType(row.task_type),
      questions: questionsOf({ questions: row.questions as never }),
    },
    prompt: row.messages ? { messages: row.messages } : { text: row.text ?? "" },
    options: row.shown_order.map((id, i) => ({ key: OPTION_KEYS[i]!, text: textById.get(id) ?? "" })),
  };
}

/** The assignment as the annotator sees it: options in the shown order, without model names or ids. */
export async function loadAssignmentDto(db: Queryable, assignmentId: string): Promise<TAssignment> {
  const { rows } = await db.query<DtoRow>({
    name: "assignment-dto",
    text: DTO_SQL,
    values: [assignmentId],
  });
  if (!rows[0]) throw new Error(`assignment ${assignmentId} vanished`);
  return toDto(rows[0]);
}

/**
 * Finds the live assignment or leases a new one (when allowNew), then loads it. Two
 * statements on purpose: one could not see the row its own function call inserts.
 */
export async function leaseAndLoad(
  db: Queryable,
  projectId: string,
  annotatorId: string,
  leaseSeconds: number,
  allowNew: boolean,
): Promise<TAssignment | null> {
  const { rows } = await db.query<{ id: string | null }>({
    name: "lease-item",
    text: "SELECT arbiter_lease_item($1, $2, $3, $4) AS id",
    values: [projectId, annotatorId, leaseSeconds, allowNew],
  });
  const id = rows[0]?.id;
  return id ? loadAssignmentDto(db, id) : null;
}
