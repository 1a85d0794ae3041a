import type { Db, Project } from "@arbiter/db";
import { notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";

export type AnnotatableProject = Pick<
  Project,
  "id" | "status" | "leaseSeconds" | "taskType" | "optionsPerItem" | "guidelines" | "questions" | "crowd"
>;

/**
 * The project if this user may annotate it: through one of its pools, as a member of the
 * project (to try its tasks) or as an admin. Anything else is "not found", so ids cannot be
 * probed.
 */
export async function projectForAnnotator(
  db: Db,
  user: AuthUser,
  projectId: string,
): Promise<AnnotatableProject> {
  const { rows } = await db.pool.query<{
    id: string;
    status: Project["status"];
    lease_seconds: number;
    task_type: Project["taskType"];
    options_per_item: number;
    guidelines: string;
    questions: Project["questions"];
    crowd: Project["crowd"];
  }>(
    `SELECT p.id, p.status, p.lease_seconds, p.task_type, p.options_per_item, p.guidelines, p.questions, p.crowd
       FROM projects p
      WHERE p.id = $1
        AND arbiter_may_enter(p.id, $2, $3::"Role")`,
    [projectId, user.id, user.role],
  );
  const row = rows[0];
  if (!row) throw notFound("Project");
  return {
    id: row.id,
    status: row.status,
    leaseSeconds: row.lease_seconds,
    taskType: row.task_type,
    optionsPerItem: row.options_per_item,
    guidelines: row.guidelines,
    questions: row.questions,
    crowd: row.crowd,
  };
}
