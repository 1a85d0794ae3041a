import {
  ZApiKeyListResponse,
  ZCreateApiKeyBody,
  ZCreateApiKeyResponse,
  ZErrorBody,
  ZIdParams,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { audit } from "../../lib/audit";
import { notFound } from "../../lib/http-error";
import { assertRecentPassword, createApiKey, RECENT_PASSWORD_MINUTES, toApiKeyDto } from "./service";

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
    async (request, reply) => {
      await assertRecentPassword(app.db, request.principal!);
      const { apiKey, token } = await createApiKey(app.db, request.principal!.user.id, request.body);
      await audit(app.db.prisma, request, {
        action: "api_key.create",
        targetType: "api_key",
        targetId: apiKey.id,
        data: { name: apiKey.name, prefix: apiKey.prefix },
      });
      return reply.status(201).send({ apiKey: toApiKeyDto(apiKey), token });
    },
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
    async (request) => {
      const keys = await app.db.prisma.apiKey.findMany({
        where: { userId: request.principal!.user.id },
        orderBy: { createdAt: "desc" },
      });
      return { apiKeys: keys.map(toApiKeyDto) };
    },
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
      const { user } = request.principal!;
      const key = await app.db.prisma.apiKey.findUnique({ where: { id: request.params.id } });
      if (!key || (key.userId !== user.id && user.role !== "ADMIN")) throw notFound("API key");
      if (!key.revokedAt) {
        await app.db.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
        await audit(app.db.prisma, request, {
          action: "api_key.revoke",
          targetType: "api_key",
          targetId: key.id,
        });
      }
      return reply.status(204).send(null);
    },
  );
};

export default routes;
