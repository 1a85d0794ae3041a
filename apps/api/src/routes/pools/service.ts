import type { FastifyInstance } from "fastify";
import { notFound } from "../../lib/http-error";

export async function poolDto(app: FastifyInstance, id: string) {
  const pool = await app.db.prisma.pool.findUnique({
    where: { id },
    include: { _count: { select: { members: true } } },
  });
  if (!pool) throw notFound("Pool");
  return {
    id: pool.id,
    name: pool.name,
    memberCount: pool._count.members,
    createdAt: pool.createdAt.toISOString(),
  };
}

export async function listPools(app: FastifyInstance) {
  const pools = await app.db.prisma.pool.findMany({
    include: { _count: { select: { members: true } } },
    orderBy: { name: "asc" },
  });
  return pools.map((p) => ({
    id: p.id,
    name: p.name,
    memberCount: p._count.members,
    createdAt: p.createdAt.toISOString(),
  }));
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
