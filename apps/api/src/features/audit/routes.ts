import { ZAuditQuery, ZAuditResponse, ZErrorBody } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listAuditEvents } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        summary:
          "The audit log, newest first, filtered by action (prefix), actor, target and time (admin); each event names its actor and, for user and API key targets, the person affected",
        querystring: ZAuditQuery,
        response: { 200: ZAuditResponse, 400: ZErrorBody },
      },
      onRequest: app.authorize("ADMIN"),
    },
    async (request) => listAuditEvents(app.db, request.query),
  );
};

export default routes;
