import type { Db } from "@arbiter/db";
import type { TProjectMember, TProjectRole } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { conflict, HttpError, notFound } from "../../lib/http-error";

type MemberRow = { id: string; name: string; email: string; role: TProjectRole; added_at: Date };

const toMember = (r: MemberRow): TProjectMember => ({
  user: { id: r.id, name: r.name, email: r.email },
  role: r.role,
  addedAt: r.added_at.toISOString(),
});

const MEMBER_SELECT = `SELECT u.id, u.name, u.email, m.role, m.added_at
                         FROM project_members m JOIN users u ON u.id = m.user_id`;

export async function listMembers(db: Db, projectId: string): Promise<TProjectMember[]> {
  const { rows } = await db.pool.query<MemberRow>(
    `${MEMBER_SELECT} WHERE m.project_id = $1
      ORDER BY array_position(ARRAY['OWNER','RESEARCHER','VIEWER']::"ProjectRole"[], m.role), u.name, u.id`,
    [projectId],
  );
  return rows.map(toMember);
}

async function memberOf(db: Db, projectId: string, userId: string): Promise<TProjectMember> {
  const { rows } = await db.pool.query<MemberRow>(
    `${MEMBER_SELECT} WHERE m.project_id = $1 AND m.user_id = $2`,
    [projectId, userId],
  );
  if (!rows[0]) throw notFound("Member");
  return toMember(rows[0]);
}

/** Only staff join projects: annotators work through pools, where admins put them. */
export async function addMember(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  body: { email: string; role: TProjectRole },
): Promise<TProjectMember> {
  const user = await db.prisma.user.findUnique({ where: { email: body.email } });
  if (!user || user.role === "ANNOTATOR" || user.status !== "ACTIVE") {
    throw new HttpError(404, "not_found", "No active researcher or admin has this email", [
      { path: "body.email", message: "is not an active researcher or admin" },
    ]);
  }
  await db.prisma.$transaction(async (tx) => {
    const existing = await tx.projectMember.findUnique({
      where: { projectId_userId: { projectId, userId: user.id } },
    });
    if (existing)
      throw conflict("already_member", "This person is already a member", [{ path: "body.email" }]);
    await tx.projectMember.create({ data: { projectId, userId: user.id, role: body.role } });
    await audit(tx, request, {
      action: "project.member_add",
      targetType: "project",
      targetId: projectId,
      data: { userId: user.id, role: body.role },
    });
  });
  return memberOf(db, projectId, user.id);
}

/**
 * Changes or removes a member. A project always keeps an owner: the change that would leave
 * none is refused (under a lock on the project's members, so two owners stepping down at
 * once cannot both succeed).
 */
export async function changeMember(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  userId: string,
  role: TProjectRole | null,
): Promise<TProjectMember | null> {
  await db.prisma.$transaction(async (tx) => {
    const members = await tx.$queryRaw<{ user_id: string; role: TProjectRole }[]>`
      SELECT user_id, role FROM project_members WHERE project_id = ${projectId}::uuid FOR UPDATE`;
    const target = members.find((m) => m.user_id === userId);
    if (!target) throw notFound("Member");
    const owners = members.filter((m) => m.role === "OWNER").length;
    if (target.role === "OWNER" && role !== "OWNER" && owners === 1) {
      throw conflict("last_owner", "A project needs an owner: make someone else owner first");
    }
    if (role === null) await tx.projectMember.delete({ where: { projectId_userId: { projectId, userId } } });
    else
      await tx.projectMember.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
    await audit(tx, request, {
      action: role === null ? "project.member_remove" : "project.member_change",
      targetType: "project",
      targetId: projectId,
      data: { userId, ...(role ? { role } : {}) },
    });
  });
  return role === null ? null : memberOf(db, projectId, userId);
}
