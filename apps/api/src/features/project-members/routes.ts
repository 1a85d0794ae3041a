import {
  ZAddProjectMemberBody,
  ZErrorBody,
  ZIdParams,
  ZProjectMemberParams,
  ZProjectMemberResponse,
  ZProjectMembersResponse,
  ZSetProjectMemberBody,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addMember, changeMember, listMembers } from "./service";

// Project access (view / own) is checked for every /projects/:id route by plugins/project-access.
const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = app.authorize("ADMIN", "RESEARCHER");

  app.get(
    "/projects/:id/members",
    {
      schema: {
        tags: ["projects"],
        summary: "The project's owners, researchers and viewers",
        params: ZIdParams,
        response: { 200: ZProjectMembersResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ members: await listMembers(app.db, request.params.id) }),
  );

  app.post(
    "/projects/:id/members",
    {
      schema: {
        tags: ["projects"],
        summary: "Add a researcher or admin to the project by email (owners)",
        params: ZIdParams,
        body: ZAddProjectMemberBody,
        response: {
          201: ZProjectMemberResponse,
          400: ZErrorBody,
          403: ZErrorBody,
          404: ZErrorBody,
          409: ZErrorBody,
        },
      },
      config: { projectAccess: "own" },
      onRequest: staff,
    },
    async (request, reply) =>
      reply.status(201).send({ member: await addMember(app.db, request, request.params.id, request.body) }),
  );

  app.patch(
    "/projects/:id/members/:userId",
    {
      schema: {
        tags: ["projects"],
        summary: "Change a member's role (owners); the last owner stays owner",
        params: ZProjectMemberParams,
        body: ZSetProjectMemberBody,
        response: { 200: ZProjectMemberResponse, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      config: { projectAccess: "own" },
      onRequest: staff,
    },
    async (request) => {
      const { id, userId } = request.params;
      return { member: (await changeMember(app.db, request, id, userId, request.body.role))! };
    },
  );

  app.delete(
    "/projects/:id/members/:userId",
    {
      schema: {
        tags: ["projects"],
        summary: "Remove a member (owners); the last owner cannot be removed",
        params: ZProjectMemberParams,
        response: { 204: z.null(), 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      config: { projectAccess: "own" },
      onRequest: staff,
    },
    async (request, reply) => {
      await changeMember(app.db, request, request.params.id, request.params.userId, null);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
