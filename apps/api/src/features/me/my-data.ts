import type { Db } from "@arbiter/db";
import type { TMyData } from "@arbiter/shared";
import { toUserDto } from "../../lib/user-dto";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * What the service holds about one person, for them to download (their right of access):
 * the account, sign-ins with their addresses and devices, API keys (never the secret or its
 * hash), pools, crowd platform ids, every answer they gave and what the audit log recorded
 * of their actions.
 */
export async function myData(db: Db, userId: string): Promise<TMyData> {
  const where = { userId };
  const [user, sessions, apiKeys, pools, identities, judgments, events] = await Promise.all([
    db.prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    db.prisma.session.findMany({ where, orderBy: { createdAt: "asc" } }),
    db.prisma.apiKey.findMany({ where, orderBy: { createdAt: "asc" } }),
    db.prisma.poolMember.findMany({
      where,
      include: { pool: { select: { name: true } } },
      orderBy: { addedAt: "asc" },
    }),
    db.prisma.externalIdentity.findMany({ where, orderBy: { createdAt: "asc" } }),
    db.prisma.judgment.findMany({ where: { annotatorId: userId }, orderBy: { createdAt: "asc" } }),
    db.prisma.auditEvent.findMany({ where: { actorId: userId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: toUserDto(user),
    sessions: sessions.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      revokedAt: iso(s.revokedAt),
      ip: s.ip,
      userAgent: s.userAgent,
    })),
    apiKeys: apiKeys.map((k) => ({
      name: k.name,
      prefix: k.prefix,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: iso(k.lastUsedAt),
      expiresAt: iso(k.expiresAt),
      revokedAt: iso(k.revokedAt),
    })),
    pools: pools.map((m) => ({ poolId: m.poolId, name: m.pool.name, addedAt: m.addedAt.toISOString() })),
    externalIdentities: identities.map((i) => ({
      platform: i.platform,
      externalId: i.externalId,
      studyId: i.studyId,
      sessionId: i.sessionId,
      createdAt: i.createdAt.toISOString(),
    })),
    judgments: judgments.map((j) => ({
      id: j.id,
      projectId: j.projectId,
      itemId: j.itemId,
      answer: j.answer,
      choice: j.choice,
      strength: j.strength,
      aspects: j.aspects,
      rationale: j.rationale,
      flags: j.flags,
      durationMs: j.durationMs,
      createdAt: j.createdAt.toISOString(),
    })),
    auditEvents: events.map((e) => ({
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      data: e.data,
      ip: e.ip,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
