import { ZErrorBody, ZIdParams, ZProjectStatsResponse } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { projectStats } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/:id/stats",
    {
      schema: {
        tags: ["stats"],
        summary: "Progress, agreement, model leaderboard and biases of a project",
        params: ZIdParams,
        response: { 200: ZProjectStatsResponse, 404: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request) => ({ stats: await projectStats(app.db, request.params.id) }),
  );
};

export default routes;
