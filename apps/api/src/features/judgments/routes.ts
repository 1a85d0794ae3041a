import { ZErrorBody, ZIdParams, ZJudgmentSearchQuery, ZJudgmentSearchResponse } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { searchJudgments } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/:id/judgments",
    {
      schema: {
        tags: ["items"],
        summary:
          "Judgments with a rationale or flags, newest first: search both (q), or filter by flag or by having a rationale",
        params: ZIdParams,
        querystring: ZJudgmentSearchQuery,
        response: { 200: ZJudgmentSearchResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request) =>
      searchJudgments(
        app.db,
        app.config.ARBITER_SECRET,
        request.principal!.user,
        request.params.id,
        request.query,
      ),
  );
};

export default routes;
