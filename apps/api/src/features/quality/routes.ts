import { ZErrorBody, ZIdParams, ZQualityResponse, ZSetAnnotatorStatusBody } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { adaptiveSummary, annotatorEstimates } from "./adaptive";
import { setStatusByAdmin } from "./control";
import { projectQuality } from "./measures";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/:id/quality",
    {
      schema: {
        tags: ["quality"],
        summary:
          "Per-annotator quality measures, flags and model estimates of a project, and its adaptive-collection summary",
        params: ZIdParams,
        response: { 200: ZQualityResponse, 404: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
    },
    async (request) => {
      const projectId = request.params.id;
      // First: it answers 404 for a project the caller may not see.
      const annotators = await projectQuality(
        app.db,
        app.config.ARBITER_SECRET,
        projectId,
        request.principal!.user,
      );
      const [estimates, adaptive] = await Promise.all([
        annotatorEstimates(app.db, projectId),
        adaptiveSummary(app.db, projectId),
      ]);
      return { annotators, estimates, adaptive };
    },
  );

  app.put(
    "/projects/:id/annotators/:userId/status",
    {
      schema: {
        tags: ["quality"],
        summary: "Quarantine an annotator in a project, or clear them (admin)",
        params: z.object({ id: z.uuid(), userId: z.uuid() }),
        body: ZSetAnnotatorStatusBody,
        response: { 204: z.null(), 404: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN"),
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await setStatusByAdmin(app.db, id, userId, request.body, request.principal!.user.id);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
