import type { Db } from "@arbiter/db";
import { forbidden, notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";

/** What a request needs in a project: to read it, to change it, or to manage its members. */
export type ProjectNeed = "view" | "edit" | "own";
export type ProjectRole = "OWNER" | "RESEARCHER" | "VIEWER";

const RANK: Record<ProjectRole, number> = { VIEWER: 0, RESEARCHER: 1, OWNER: 2 };
const NEEDS: Record<ProjectNeed, number> = { view: 0, edit: 1, own: 2 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

/**
 * The caller's standing in a project: "ADMIN" for admins (every project), their member role,
 * or null when the project does not exist or they are not a member — the two are not told
 * apart, so project ids cannot be probed.
 */
export async function projectStanding(
  db: Db,
  user: Pick<AuthUser, "id" | "role">,
  projectId: string,
): Promise<ProjectRole | "ADMIN" | null> {
  if (!isUuid(projectId)) return null;
  const { rows } = await db.pool.query<{ role: ProjectRole | null }>({
    name: "project-standing",
    text: `SELECT m.role FROM projects p
             LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = $2
            WHERE p.id = $1`,
    values: [projectId, user.id],
  });
  if (!rows[0]) return null;
  if (user.role === "ADMIN") return "ADMIN";
  return rows[0].role;
}

/**
 * Lets the caller through when their standing in the project meets the need: 404 for a
 * project that is not theirs (as for one that does not exist), 403 for a member whose role
 * is too low (they know the project exists).
 */
export async function assertProjectAccess(
  db: Db,
  user: Pick<AuthUser, "id" | "role">,
  projectId: string,
  need: ProjectNeed,
  what = "Project",
): Promise<void> {
  const standing = await projectStanding(db, user, projectId);
  if (standing === null) throw notFound(what);
  if (standing === "ADMIN" || RANK[standing] >= NEEDS[need]) return;
  throw forbidden(
    need === "own"
      ? "Only the project's owners can do this"
      : "Viewers can read this project but not change it",
  );
}

/**
 * The project, for code that has already passed the access check (plugins/project-access)
 * and needs the row; a project deleted since is "not found".
 */
export async function assertProject(db: Db, projectId: string) {
  const project = await db.prisma.project.findUnique({ where: { id: projectId } });
  if (!project) throw notFound("Project");
  return project;
}
