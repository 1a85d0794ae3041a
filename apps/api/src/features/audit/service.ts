import type { Db } from "@arbiter/db";
import type { TAuditQuery } from "@arbiter/shared";
import { page, pageArgs } from "../../lib/pagination";

/** The audit log, newest first, filtered by action (prefix), actor, target and time. */
export async function listAuditEvents(db: Db, q: TAuditQuery) {
  const rows = await db.prisma.auditEvent.findMany({
    where: {
      ...(q.action ? { action: { startsWith: q.action } } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.targetType ? { targetType: q.targetType } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...(q.from || q.to
        ? {
            createdAt: {
              ...(q.from ? { gte: new Date(q.from) } : {}),
              ...(q.to ? { lt: new Date(q.to) } : {}),
            },
          }
        : {}),
    },
    include: { actor: { select: { id: true, name: true, email: true } } },
    ...pageArgs(q),
  });
  const { items, nextCursor } = page(rows, q.limit);
  return {
    events: items.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor,
      targetType: e.targetType,
      targetId: e.targetId,
      data: e.data,
      ip: e.ip,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor,
  };
}
