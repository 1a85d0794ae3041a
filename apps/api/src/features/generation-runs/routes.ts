import {
  ZCreateRunBody,
  ZErrorBody,
  ZIdParams,
  ZRunListResponse,
  ZRunParamsPath,
  ZRunResponse,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { cancelRun, createRun, getRun, listRuns } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = app.authorize("ADMIN", "RESEARCHER");

  app.post(
    "/projects/:id/generation-runs",
    {
      schema: {
        tags: ["generation"],
        summary: "Start generating completions: every prompt x generator x sample, through the worker",
        params: ZIdParams,
        body: ZCreateRunBody,
        response: { 201: ZRunResponse, 400: ZErrorBody, 404: ZErrorBody, 503: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ run: await createRun(app.db, app.queues, request, request.params.id, request.body) }),
  );

  app.get(
    "/projects/:id/generation-runs",
    {
      schema: {
        tags: ["generation"],
        summary: "The project's latest runs with their counts",
        params: ZIdParams,
        response: { 200: ZRunListResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ runs: await listRuns(app.db, request.params.id) }),
  );

  app.get(
    "/projects/:id/generation-runs/:rid",
    {
      schema: {
        tags: ["generation"],
        summary: "A run's status, pending/done/failed counts and latest errors",
        params: ZRunParamsPath,
        response: { 200: ZRunResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ run: await getRun(app.db, request.params.id, request.params.rid) }),
  );

  app.post(
    "/projects/:id/generation-runs/:rid/cancel",
    {
      schema: {
        tags: ["generation"],
        summary: "Cancel a run; completions already stored stay",
        params: ZRunParamsPath,
        response: { 200: ZRunResponse, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ run: await cancelRun(app.db, request, request.params.id, request.params.rid) }),
  );
};

export default routes;
