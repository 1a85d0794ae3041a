import {
  ZCreateGeneratorBody,
  ZErrorBody,
  ZGeneratorListResponse,
  ZGeneratorParamsPath,
  ZGeneratorResponse,
  ZGeneratorTestResponse,
  ZIdParams,
  ZUpdateGeneratorBody,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createGenerator,
  deleteGenerator,
  findGenerator,
  generatorSettings,
  listGenerators,
  serializeGenerator,
  testGenerator,
  updateGenerator,
} from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const settings = generatorSettings(app.config);
  const staff = app.authorize("ADMIN", "RESEARCHER");

  app.post(
    "/projects/:id/generators",
    {
      schema: {
        tags: ["generation"],
        summary:
          "Add a generator: an OpenAI-compatible endpoint, model, sampling parameters and optionally its API key (write-only, stored encrypted)",
        params: ZIdParams,
        body: ZCreateGeneratorBody,
        response: { 201: ZGeneratorResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request, reply) =>
      reply.status(201).send({
        generator: await createGenerator(app.db, settings, request, request.params.id, request.body),
      }),
  );

  app.get(
    "/projects/:id/generators",
    {
      schema: {
        tags: ["generation"],
        summary: "List the project's generators",
        params: ZIdParams,
        response: { 200: ZGeneratorListResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ generators: await listGenerators(app.db, request.params.id) }),
  );

  app.get(
    "/projects/:id/generators/:gid",
    {
      schema: {
        tags: ["generation"],
        summary: "One generator",
        params: ZGeneratorParamsPath,
        response: { 200: ZGeneratorResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({
      generator: serializeGenerator(await findGenerator(app.db, request.params.id, request.params.gid)),
    }),
  );

  app.patch(
    "/projects/:id/generators/:gid",
    {
      schema: {
        tags: ["generation"],
        summary: "Change a generator; runs already queued use the new settings for samples not yet sent",
        params: ZGeneratorParamsPath,
        body: ZUpdateGeneratorBody,
        response: { 200: ZGeneratorResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({
      generator: await updateGenerator(
        app.db,
        settings,
        request,
        request.params.id,
        request.params.gid,
        request.body,
      ),
    }),
  );

  app.delete(
    "/projects/:id/generators/:gid",
    {
      schema: {
        tags: ["generation"],
        summary: "Remove a generator (its completions stay)",
        params: ZGeneratorParamsPath,
        response: { 204: z.null(), 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request, reply) => {
      await deleteGenerator(app.db, request, request.params.id, request.params.gid);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/projects/:id/generators/:gid/test",
    {
      schema: {
        tags: ["generation"],
        summary:
          "Make one real request through a worker; reports status and latency, or the failure class with a fixed message (never the server's own text)",
        params: ZGeneratorParamsPath,
        response: { 200: ZGeneratorTestResponse, 404: ZErrorBody, 503: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => testGenerator(app.db, app.queues, request.params.id, request.params.gid),
  );
};

export default routes;
