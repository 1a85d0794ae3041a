import type { Db } from "@arbiter/db";
import type { TAuditEvent, TAuditQuery } from "@arbiter/shared";
import { page, pageArgs } from "../../lib/pagination";

type Person = NonNullable<TAuditEvent["targetUser"]>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const person = { id: true, name: true, email: true } as const;

/**
 * The people a page of events was about, by target id: user targets themselves, API key
 * targets their owner. Target ids are free text in the log, so only well-formed ids are
 * looked up; a deleted user or key simply names nobody.
 */
async function targetPeople(db: Db, events: { targetType: string; targetId: string | null }[]) {
  const ids = (type: string) => [
    ...new Set(
      events.filter((e) => e.targetType === type && UUID.test(e.targetId ?? "")).map((e) => e.targetId!),
    ),
  ];
  const [users, keys] = await Promise.all([
    db.prisma.user.findMany({ where: { id: { in: ids("user") } }, select: person }),
    db.prisma.apiKey.findMany({
      where: { id: { in: ids("api_key") } },
      select: { id: true, user: { select: person } },
    }),
  ]);
  const byTarget = new Map<string, Person>();
  for (const u of users) byTarget.set(`user:${u.id}`, u);
  for (const k of keys) byTarget.set(`api_key:${k.id}`, k.user);
  return (e: { targetType: string; targetId: string | null }) =>
    byTarget.get(`${e.targetType}:${e.targetId}`) ?? null;
}

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
    include: { actor: { select: person } },
    ...pageArgs(q),
  });
  const { items, nextCursor } = page(rows, q.limit);
  const targetUserOf = await targetPeople(db, items);
  return {
    events: items.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor,
      targetType: e.targetType,
      targetId: e.targetId,
      targetUser: targetUserOf(e),
      data: e.data,
      ip: e.ip,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor,
  };
}
