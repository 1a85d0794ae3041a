import type { Project } from "@arbiter/db";
import type { FastifyInstance } from "fastify";
import { notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";

export type AnnotatableProject = Pick<
  Project,
  "id" | "status" | "leaseSeconds" | "taskType" | "optionsPerItem" | "guidelines" | "questions" | "crowd"
>;

/**
 * The project if this user may annotate it: annotators through one of its pools, staff
 * always (to try their own tasks). Anything else is "not found", so ids cannot be probed.
 */
export async function projectForAnnotator(
  app: FastifyInstance,
  user: AuthUser,
  projectId: string,
): Promise<AnnotatableProject> {
  const { rows } = await app.db.pool.query<{
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
        AND ($3 OR EXISTS (SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                            WHERE pp.project_id = p.id AND m.user_id = $2))`,
    [projectId, user.id, user.role !== "ANNOTATOR"],
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
