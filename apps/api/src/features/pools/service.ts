import type { Db, Prisma } from "@arbiter/db";
import type { TPool, TPoolMember, TPoolProject } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";

const withCounts = {
  _count: { select: { members: true } },
  attachers: { select: { userId: true }, orderBy: { addedAt: "asc" } },
} as const satisfies Prisma.PoolInclude;

function toPoolDto(pool: Prisma.PoolGetPayload<{ include: typeof withCounts }>): TPool {
  return {
    id: pool.id,
    name: pool.name,
    memberCount: pool._count.members,
    attacherIds: pool.attachers.map((a) => a.userId),
    createdAt: pool.createdAt.toISOString(),
  };
}

export async function poolDto(db: Db, id: string): Promise<TPool> {
  const pool = await db.prisma.pool.findUnique({ where: { id }, include: withCounts });
  if (!pool) throw notFound("Pool");
  return toPoolDto(pool);
}

/** Every pool for an admin; for a researcher, the pools they may attach to their projects. */
export async function listPools(db: Db, user: AuthUser): Promise<TPool[]> {
  const pools = await db.prisma.pool.findMany({
    where: user.role === "ADMIN" ? {} : { attachers: { some: { userId: user.id } } },
    include: withCounts,
    orderBy: { name: "asc" },
  });
  return pools.map(toPoolDto);
}

async function assertNameFree(db: Db, name: string, except?: string): Promise<void> {
  const taken = await db.prisma.pool.findFirst({
    where: { name, ...(except ? { id: { not: except } } : {}) },
  });
  if (taken) throw conflict("name_taken", "A pool with this name exists", [{ path: "body.name" }]);
}

export async function createPool(db: Db, request: FastifyRequest, name: string): Promise<TPool> {
  await assertNameFree(db, name);
  const pool = await db.prisma.$transaction(async (tx) => {
    const created = await tx.pool.create({ data: { name } });
    await audit(tx, request, { action: "pool.create", targetType: "pool", targetId: created.id });
    return created;
  });
  return poolDto(db, pool.id);
}

export async function renamePool(db: Db, request: FastifyRequest, id: string, name: string): Promise<TPool> {
  const before = await poolDto(db, id);
  await assertNameFree(db, name, id);
  await db.prisma.$transaction(async (tx) => {
    await tx.pool.update({ where: { id }, data: { name } });
    await audit(tx, request, {
      action: "pool.rename",
      targetType: "pool",
      targetId: id,
      data: { from: before.name, to: name },
    });
  });
  return poolDto(db, id);
}

/** Refuses the first id that is not a user matching `where`, naming its place in body.userIds. */
async function assertUsers(db: Db, userIds: string[], where: Prisma.UserWhereInput, what: string) {
  const found = await db.prisma.user.findMany({
    where: { id: { in: userIds }, ...where },
    select: { id: true },
  });
  const known = new Set(found.map((u) => u.id));
  const bad = userIds.findIndex((id) => !known.has(id));
  if (bad >= 0) {
    throw badRequest(`body.userIds.${bad}: no such ${what}`, [
      { path: `body.userIds.${bad}`, message: `no such ${what}` },
    ]);
  }
}

/** Adds users; those already in the pool are left as they are. Returns how many were new. */
export async function addMembers(
  db: Db,
  request: FastifyRequest,
  poolId: string,
  userIds: string[],
): Promise<{ pool: TPool; added: number }> {
  await poolDto(db, poolId);
  await assertUsers(db, userIds, {}, "user");
  const unique = [...new Set(userIds)];
  const added = await db.prisma.$transaction(async (tx) => {
    const result = await tx.poolMember.createMany({
      data: unique.map((userId) => ({ poolId, userId })),
      skipDuplicates: true,
    });
    await audit(tx, request, {
      action: "pool.add_members",
      targetType: "pool",
      targetId: poolId,
      data: { userIds: unique },
    });
    return result.count;
  });
  return { pool: await poolDto(db, poolId), added };
}

/** Removes a member; their leases in projects they can no longer reach end at once. */
export async function removeMember(
  db: Db,
  request: FastifyRequest,
  poolId: string,
  userId: string,
): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const removed = await tx.poolMember.deleteMany({ where: { poolId, userId } });
    if (!removed.count) throw notFound("Pool member");
    await tx.$executeRaw`
      UPDATE assignments a SET expires_at = now()
       WHERE a.annotator_id = ${userId}::uuid AND a.status = 'ACTIVE' AND a.expires_at > now()
         AND NOT arbiter_may_enter(a.project_id, a.annotator_id, (SELECT u.role FROM users u WHERE u.id = a.annotator_id))`;
    await audit(tx, request, {
      action: "pool.remove_member",
      targetType: "pool",
      targetId: poolId,
      data: { userId },
    });
  });
}

/** Replaces the researchers allowed to attach the pool; only researchers qualify. */
export async function setPoolAttachers(
  db: Db,
  request: FastifyRequest,
  poolId: string,
  userIds: string[],
): Promise<TPool> {
  await poolDto(db, poolId);
  await assertUsers(db, userIds, { role: "RESEARCHER" }, "researcher");
  const wanted = [...new Set(userIds)];
  await db.prisma.$transaction(async (tx) => {
    await tx.poolAttacher.deleteMany({ where: { poolId, userId: { notIn: wanted } } });
    await tx.poolAttacher.createMany({
      data: wanted.map((userId) => ({ poolId, userId })),
      skipDuplicates: true,
    });
    await audit(tx, request, {
      action: "pool.set_attachers",
      targetType: "pool",
      targetId: poolId,
      data: { userIds: wanted },
    });
  });
  return poolDto(db, poolId);
}

/** Members with their work across all projects, for the admin's pool page. */
export async function poolMembers(db: Db, poolId: string): Promise<TPoolMember[]> {
  const { rows } = await db.pool.query<{
    id: string;
    name: string;
    email: string;
    status: "ACTIVE" | "SUSPENDED";
    added_at: Date;
    judgments: number;
    last_judgment_at: Date | null;
    quarantined_in: number;
  }>(
    `SELECT u.id, u.name, u.email, u.status, m.added_at,
            (SELECT count(*)::int FROM judgments j WHERE j.annotator_id = u.id AND j.superseded_at IS NULL) AS judgments,
            (SELECT max(j.created_at) FROM judgments j WHERE j.annotator_id = u.id) AS last_judgment_at,
            (SELECT count(*)::int FROM annotator_states s
              WHERE s.user_id = u.id AND s.status IN ('QUARANTINED', 'REJECTED')) AS quarantined_in
       FROM pool_members m JOIN users u ON u.id = m.user_id
      WHERE m.pool_id = $1
      ORDER BY u.name, u.email`,
    [poolId],
  );
  return rows.map((r) => ({
    user: { id: r.id, name: r.name, email: r.email, status: r.status },
    addedAt: r.added_at.toISOString(),
    judgments: r.judgments,
    lastJudgmentAt: r.last_judgment_at?.toISOString() ?? null,
    quarantinedIn: r.quarantined_in,
  }));
}

/** The projects the pool is attached to, for the admin's pool page; newest first. */
export async function poolProjects(db: Db, poolId: string): Promise<TPoolProject[]> {
  const links = await db.prisma.projectPool.findMany({
    where: { poolId },
    select: { project: { select: { id: true, name: true, status: true } } },
    orderBy: { project: { createdAt: "desc" } },
  });
  return links.map((l) => l.project);
}
