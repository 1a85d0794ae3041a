import { ZBuildItemsBody, ZBuildItemsResponse, ZErrorBody, ZIdParams } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { buildItems } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/projects/:id/items/build",
    {
      schema: {
        tags: ["items"],
        summary:
          "Build items from stored completions: cross-generator pairs, same-generator pairs or k-wise sets; idempotent",
        params: ZIdParams,
        body: ZBuildItemsBody,
        response: { 200: ZBuildItemsResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request) => buildItems(app.db, request, request.params.id, request.body),
  );
};

export default routes;
