import {
  ZCreateUserBody,
  ZEraseUserBody,
  ZEraseUserResponse,
  ZErrorBody,
  ZIdParams,
  ZUpdateUserBody,
  ZUserListQuery,
  ZUserListResponse,
  ZUserResponse,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { toUserDto } from "../../lib/user-dto";
import { eraseUser } from "./erase";
import { createUser, getUser, listUsers, updateUser } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const admins = app.authorize("ADMIN");

  app.post(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create a user (admin)",
        body: ZCreateUserBody,
        response: { 201: ZUserResponse, 400: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request, reply) => {
      const user = await createUser(app.db, request, request.body);
      return reply.status(201).send({ user: toUserDto(user) });
    },
  );

  app.get(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "List users (admin), newest first",
        querystring: ZUserListQuery,
        response: { 200: ZUserListResponse },
      },
      onRequest: admins,
    },
    async (request) => listUsers(app.db, request.query),
  );

  app.get(
    "/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "One user (admin)",
        params: ZIdParams,
        response: { 200: ZUserResponse },
      },
      onRequest: admins,
    },
    async (request) => ({ user: await getUser(app.db, request.params.id) }),
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: ["users"],
        summary:
          "Change a user's name, role or status (admin); suspension ends their sessions and revokes their API keys at once, for good",
        params: ZIdParams,
        body: ZUpdateUserBody,
        response: { 200: ZUserResponse, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => {
      const user = await updateUser(app.db, request, request.params.id, request.body);
      return { user: toUserDto(user) };
    },
  );

  app.post(
    "/users/:id/erase",
    {
      schema: {
        tags: ["users"],
        summary:
          "Erase a person (admin): email, name, platform ids, sessions, API keys and their addresses in the audit log go; their judgments stay under the pseudonym or are deleted with the items reopened",
        params: ZIdParams,
        body: ZEraseUserBody,
        response: { 200: ZEraseUserResponse, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request) => eraseUser(app.db, request, request.params.id, request.body),
  );
};

export default routes;
