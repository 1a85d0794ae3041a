import {
  ZAddMembersBody,
  ZAddMembersResponse,
  ZCreatePoolBody,
  ZErrorBody,
  ZIdParams,
  ZPoolResponse,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { audit } from "../../lib/audit";
import { badRequest, conflict, notFound } from "../../lib/http-error";

const routes: FastifyPluginAsyncZod = async (app) => {
  const admins = app.authorize("ADMIN");

  async function poolDto(id: string) {
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

  app.post(
    "/pools",
    {
      schema: {
        tags: ["pools"],
        summary: "Create an annotator pool (admin)",
        body: ZCreatePoolBody,
        response: { 201: ZPoolResponse, 400: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request, reply) => {
      const taken = await app.db.prisma.pool.findUnique({ where: { name: request.body.name } });
      if (taken) throw conflict("name_taken", "A pool with this name exists", [{ path: "body.name" }]);
      const pool = await app.db.prisma.$transaction(async (tx) => {
        const created = await tx.pool.create({ data: { name: request.body.name } });
        await audit(tx, request, { action: "pool.create", targetType: "pool", targetId: created.id });
        return created;
      });
      return reply.status(201).send({ pool: await poolDto(pool.id) });
    },
  );

  app.post(
    "/pools/:id/members",
    {
      schema: {
        tags: ["pools"],
        summary: "Add users to a pool (admin); users already in it are left as they are",
        params: ZIdParams,
        body: ZAddMembersBody,
        response: { 200: ZAddMembersResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => {
      const poolId = request.params.id;
      await poolDto(poolId);
      const userIds = [...new Set(request.body.userIds)];
      const found = await app.db.prisma.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true },
      });
      const known = new Set(found.map((u) => u.id));
      const missing = request.body.userIds.findIndex((id) => !known.has(id));
      if (missing >= 0) {
        throw badRequest(`body.userIds.${missing}: no such user`, [
          { path: `body.userIds.${missing}`, message: "no such user" },
        ]);
      }
      const added = await app.db.prisma.$transaction(async (tx) => {
        const result = await tx.poolMember.createMany({
          data: userIds.map((userId) => ({ poolId, userId })),
          skipDuplicates: true,
        });
        await audit(tx, request, {
          action: "pool.add_members",
          targetType: "pool",
          targetId: poolId,
          data: { userIds },
        });
        return result.count;
      });
      return { pool: await poolDto(poolId), added };
    },
  );
};

export default routes;
