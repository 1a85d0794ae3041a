import { ZCreateItemsBody, ZCreateItemsResponse, ZErrorBody, ZIdParams } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { addItems } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/projects/:id/items",
    {
      schema: {
        tags: ["items"],
        summary: "Add items: a prompt with the completions to compare (imported); all rows or none",
        params: ZIdParams,
        body: ZCreateItemsBody,
        response: { 201: ZCreateItemsResponse, 400: ZErrorBody, 404: ZErrorBody, 413: ZErrorBody },
      },
      bodyLimit: app.config.IMPORT_BODY_LIMIT_BYTES,
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request, reply) =>
      reply.status(201).send({ items: await addItems(app.db, request.params.id, request.body.items) }),
  );
};

export default routes;
