import {
  ZApiKeyListResponse,
  ZCreateApiKeyBody,
  ZCreateApiKeyResponse,
  ZErrorBody,
  ZIdParams,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listApiKeys, mintApiKey, RECENT_PASSWORD_MINUTES, revokeApiKey } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const researchers = app.authorize("ADMIN", "RESEARCHER");

  app.post(
    "/api-keys",
    {
      schema: {
        tags: ["api-keys"],
        summary: `Create an API key for the signed-in user; the token is shown once. Needs a browser session whose password was checked in the last ${RECENT_PASSWORD_MINUTES} minutes (sign-in or POST /auth/confirm-password), never an API key`,
        body: ZCreateApiKeyBody,
        response: { 201: ZCreateApiKeyResponse, 400: ZErrorBody, 403: ZErrorBody },
      },
      onRequest: researchers,
    },
    async (request, reply) => reply.status(201).send(await mintApiKey(app.db, request, request.body)),
  );

  app.get(
    "/api-keys",
    {
      schema: {
        tags: ["api-keys"],
        summary: "The signed-in user's API keys",
        response: { 200: ZApiKeyListResponse },
      },
      onRequest: researchers,
    },
    async (request) => ({ apiKeys: await listApiKeys(app.db, request.principal!.user.id) }),
  );

  app.delete(
    "/api-keys/:id",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Revoke an API key (your own; admins any)",
        params: ZIdParams,
        response: { 204: z.null(), 404: ZErrorBody },
      },
      onRequest: researchers,
    },
    async (request, reply) => {
      await revokeApiKey(app.db, request, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
