import { ZCreatePromptsBody, ZCreatePromptsResponse, ZErrorBody, ZIdParams } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { addPrompts } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/projects/:id/prompts",
    {
      schema: {
        tags: ["prompts"],
        summary: "Add prompts (conversations or text); returned in input order, duplicates reused",
        params: ZIdParams,
        body: ZCreatePromptsBody,
        response: { 201: ZCreatePromptsResponse, 400: ZErrorBody, 404: ZErrorBody, 413: ZErrorBody },
      },
      bodyLimit: app.config.IMPORT_BODY_LIMIT_BYTES,
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request, reply) =>
      reply.status(201).send({ prompts: await addPrompts(app.db, request.params.id, request.body.prompts) }),
  );
};

export default routes;
