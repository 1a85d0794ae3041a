import type { Db } from "@arbiter/db";
import type { TAssignment } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { notFound } from "../../lib/http-error";
import { quotaReachedSql } from "../crowd/service";
import type { AnnotatableProject } from "./access";
import { answerRulesOf } from "./answer-rules";
import { type AssignmentJson, leaseAndLoad, toAssignment } from "./assignment-dto";

// The leasing rules live in the SQL function arbiter_lease_item (see its migration): one
// round-trip, with row locks and a capacity re-check under the lock.

/** The credential ids that arbiter_credential_role re-checks. */
export function credentialOf(request: FastifyRequest) {
  const principal = request.principal!;
  return {
    userId: principal.user.id,
    apiKeyId: principal.via === "apiKey" ? principal.apiKeyId : null,
    sessionId: principal.via === "session" ? principal.sessionId : null,
  };
}

/**
 * The assignment the annotator holds in the project, or a new lease on the open item
 * nearest to completion (then oldest) that they have not seen; null when none is left.
 * Credential, access, leasing and content are one statement; a project they may not
 * enter is "not found".
 */
export async function leaseForAnnotator(
  db: Db,
  /** The auth plugin's: ends the request as unauthenticated when the credential lapsed. */
  forgetPrincipal: FastifyInstance["forgetPrincipal"],
  request: FastifyRequest,
  projectId: string,
): Promise<TAssignment | null> {
  const { userId, apiKeyId, sessionId } = credentialOf(request);
  const { rows } = await db.pool.query<{
    role: string | null;
    project_id: string | null;
    assignment: AssignmentJson | null;
  }>({
    name: "lease-for-annotator",
    // A crowd participant who met the quota gets nothing more (the page shows their code). An
    // arena project's items are battles, each its own annotator's: nothing there is leased.
    text: `WITH c AS MATERIALIZED (SELECT arbiter_credential_role($2, $3, $4) AS role)
           SELECT c.role, p.id AS project_id,
                  CASE WHEN p.id IS NULL OR p.mode = 'ARENA' OR ${quotaReachedSql("$2")} THEN NULL
                       ELSE arbiter_lease_dto(p.id, $2, p.lease_seconds, p.status = 'ACTIVE') END AS assignment
             FROM c LEFT JOIN projects p
               ON p.id = $1 AND c.role IS NOT NULL
              AND arbiter_may_enter(p.id, $2, c.role::"Role")`,
    values: [projectId, userId, apiKeyId, sessionId],
  });
  const row = rows[0]!;
  if (!row.role) forgetPrincipal(request);
  if (!row.project_id) throw notFound("Project");
  return row.assignment ? toAssignment(row.assignment, answerRulesOf(db.pool)) : null;
}

/** The next assignment in a project already known to be open to the annotator. */
export function nextAssignment(
  db: Db,
  project: Pick<AnnotatableProject, "id" | "status" | "leaseSeconds">,
  annotatorId: string,
): Promise<TAssignment | null> {
  return leaseAndLoad(db.pool, project.id, annotatorId, project.leaseSeconds, project.status === "ACTIVE");
}
