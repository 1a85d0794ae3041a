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
import {
  addMembers,
  createPool,
  listPools,
  poolDto,
  poolMembers,
  poolProjects,
  removeMember,
  renamePool,
  setPoolAttachers,
} from "./service";

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
    async (request, reply) =>
      reply.status(201).send({ pool: await createPool(app.db, request, request.body.name) }),
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
    async (request) => addMembers(app.db, request, request.params.id, request.body.userIds),
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
    async (request) => ({ pools: await listPools(app.db, request.principal!.user) }),
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
      pool: await setPoolAttachers(app.db, request, request.params.id, request.body.userIds),
    }),
  );

  app.get(
    "/pools/:id",
    {
      schema: {
        tags: ["pools"],
        summary: "A pool with its members and their work, and the projects it is attached to (admin)",
        params: ZIdParams,
        response: { 200: ZPoolMembersResponse, 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => ({
      pool: await poolDto(app.db, request.params.id),
      members: await poolMembers(app.db, request.params.id),
      projects: await poolProjects(app.db, request.params.id),
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
    async (request) => ({ pool: await renamePool(app.db, request, request.params.id, request.body.name) }),
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
      await removeMember(app.db, request, request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
