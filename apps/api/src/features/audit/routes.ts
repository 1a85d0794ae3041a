import { ZAuditQuery, ZAuditResponse, ZErrorBody } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { page, pageArgs } from "../../lib/pagination";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first, filtered by action (prefix), actor, target and time (admin)",
        querystring: ZAuditQuery,
        response: { 200: ZAuditResponse, 400: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN"),
    },
    async (request) => {
      const q = request.query;
      const rows = await app.db.prisma.auditEvent.findMany({
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
    },
  );
};

export default routes;
