import {
  ZAddMembersBody,
  ZAddMembersResponse,
  ZCreatePoolBody,
  ZErrorBody,
  ZIdParams,
  ZMemberParams,
  ZPoolListResponse,
  ZPoolMembersResponse,
  ZPoolResponse,
  ZRenamePoolBody,
  ZSetPoolAttachersBody,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { audit } from "../../lib/audit";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import { listPools, poolDto, poolMembers, setPoolAttachers } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const admins = app.authorize("ADMIN");

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
      return reply.status(201).send({ pool: await poolDto(app, pool.id) });
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
      await poolDto(app, poolId);
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
      return { pool: await poolDto(app, poolId), added };
    },
  );
  app.get(
    "/pools",
    {
      schema: {
        tags: ["pools"],
        summary: "List annotator pools: all for admins; for researchers, those they may attach",
        response: { 200: ZPoolListResponse },
      },
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request) => ({ pools: await listPools(app, request.principal!.user) }),
  );

  app.put(
    "/pools/:id/attachers",
    {
      schema: {
        tags: ["pools"],
        summary: "Set the researchers allowed to attach this pool to their projects (admin)",
        params: ZIdParams,
        body: ZSetPoolAttachersBody,
        response: { 200: ZPoolResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => ({
      pool: await setPoolAttachers(app, request, request.params.id, request.body.userIds),
    }),
  );

  app.get(
    "/pools/:id",
    {
      schema: {
        tags: ["pools"],
        summary: "A pool with its members and their work (admin)",
        params: ZIdParams,
        response: { 200: ZPoolMembersResponse, 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => ({
      pool: await poolDto(app, request.params.id),
      members: await poolMembers(app, request.params.id),
    }),
  );

  app.patch(
    "/pools/:id",
    {
      schema: {
        tags: ["pools"],
        summary: "Rename a pool (admin)",
        params: ZIdParams,
        body: ZRenamePoolBody,
        response: { 200: ZPoolResponse, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => {
      const { id } = request.params;
      const before = await poolDto(app, id);
      const taken = await app.db.prisma.pool.findFirst({
        where: { name: request.body.name, id: { not: id } },
      });
      if (taken) throw conflict("name_taken", "A pool with this name exists", [{ path: "body.name" }]);
      await app.db.prisma.$transaction(async (tx) => {
        await tx.pool.update({ where: { id }, data: { name: request.body.name } });
        await audit(tx, request, {
          action: "pool.rename",
          targetType: "pool",
          targetId: id,
          data: { from: before.name, to: request.body.name },
        });
      });
      return { pool: await poolDto(app, id) };
    },
  );

  app.delete(
    "/pools/:id/members/:userId",
    {
      schema: {
        tags: ["pools"],
        summary: "Remove a user from a pool (admin); their open leases in its projects are released",
        params: ZMemberParams,
        response: { 204: z.null(), 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await app.db.prisma.$transaction(async (tx) => {
        const removed = await tx.poolMember.deleteMany({ where: { poolId: id, userId } });
        if (!removed.count) throw notFound("Pool member");
        // Leases in projects the user can no longer reach through another pool end now.
        await tx.$executeRaw`
          UPDATE assignments a SET expires_at = now()
           WHERE a.annotator_id = ${userId}::uuid AND a.status = 'ACTIVE' AND a.expires_at > now()
             AND NOT EXISTS (SELECT 1 FROM project_pools pp JOIN pool_members m ON m.pool_id = pp.pool_id
                              WHERE pp.project_id = a.project_id AND m.user_id = a.annotator_id)`;
        await audit(tx, request, {
          action: "pool.remove_member",
          targetType: "pool",
          targetId: id,
          data: { userId },
        });
      });
      return reply.status(204).send(null);
    },
  );
};

export default routes;
