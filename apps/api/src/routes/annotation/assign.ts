import type { TAssignment } from "@arbiter/shared";
import type { FastifyInstance } from "fastify";
import { notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";
import { quotaReachedSql } from "../crowd/service";
import type { AnnotatableProject } from "./access";
import { leaseAndLoad, loadAssignmentDto } from "./assignment-dto";

// The leasing rules live in the SQL function arbiter_lease_item (see its migration): one
// round-trip, with row locks and a capacity re-check under the lock.

/**
 * The assignment the annotator holds in the project, or a new lease on the open item
 * nearest to completion (then oldest) that they have not seen; null when none is left.
 * Access and leasing are one statement; a project they may not enter is "not found".
 */
export async function leaseForAnnotator(
  app: FastifyInstance,
  user: AuthUser,
  projectId: string,
): Promise<TAssignment | null> {
  const { rows } = await app.db.pool.query<{ assignment_id: string | null }>({
    name: "lease-for-annotator",
    // A crowd participant who met the quota gets nothing more (the page shows their code).
    text: `SELECT CASE WHEN ${quotaReachedSql("$2")} THEN NULL
                   ELSE arbiter_lease_item(p.id, $2, p.lease_seconds, p.status = 'ACTIVE') END AS assignment_id
             FROM projects p
            WHERE p.id = $1
              AND ($3 OR EXISTS (SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                                  WHERE pp.project_id = p.id AND m.user_id = $2))`,
    values: [projectId, user.id, user.role !== "ANNOTATOR"],
  });
  if (!rows[0]) throw notFound("Project");
  const id = rows[0].assignment_id;
  return id ? loadAssignmentDto(app.db.pool, id) : null;
}

/** The next assignment in a project already known to be open to the annotator. */
export function nextAssignment(
  app: FastifyInstance,
  project: Pick<AnnotatableProject, "id" | "status" | "leaseSeconds">,
  annotatorId: string,
): Promise<TAssignment | null> {
  return leaseAndLoad(
    app.db.pool,
    project.id,
    annotatorId,
    project.leaseSeconds,
    project.status === "ACTIVE",
  );
}
