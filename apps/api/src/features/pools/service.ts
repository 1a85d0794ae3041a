import type { Prisma } from "@arbiter/db";
import type { TPool } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, notFound } from "../../lib/http-error";
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

export async function poolDto(app: FastifyInstance, id: string): Promise<TPool> {
  const pool = await app.db.prisma.pool.findUnique({ where: { id }, include: withCounts });
  if (!pool) throw notFound("Pool");
  return toPoolDto(pool);
}

/** Every pool for an admin; for a researcher, the pools they may attach to their projects. */
export async function listPools(app: FastifyInstance, user: AuthUser): Promise<TPool[]> {
  const pools = await app.db.prisma.pool.findMany({
    where: user.role === "ADMIN" ? {} : { attachers: { some: { userId: user.id } } },
    include: withCounts,
    orderBy: { name: "asc" },
  });
  return pools.map(toPoolDto);
}

/** Replaces the researchers allowed to attach the pool; only active researchers qualify. */
export async function setPoolAttachers(
  app: FastifyInstance,
  request: FastifyRequest,
  poolId: string,
  userIds: string[],
): Promise<TPool> {
  await poolDto(app, poolId);
  const wanted = [...new Set(userIds)];
  const found = await app.db.prisma.user.findMany({
    where: { id: { in: wanted }, role: "RESEARCHER" },
    select: { id: true },
  });
  const known = new Set(found.map((u) => u.id));
  const bad = userIds.findIndex((id) => !known.has(id));
  if (bad >= 0) {
    throw badRequest(`body.userIds.${bad}: no such researcher`, [
      { path: `body.userIds.${bad}`, message: "no such researcher" },
    ]);
  }
  await app.db.prisma.$transaction(async (tx) => {
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
  return poolDto(app, poolId);
}

/** Members with their work across all projects, for the admin's pool page. */
export async function poolMembers(app: FastifyInstance, poolId: string) {
  const { rows } = await app.db.pool.query<{
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
