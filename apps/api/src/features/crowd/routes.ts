import { ZErrorBody, ZJoinBody, ZJoinParams, ZJoinResponse } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertSameOrigin } from "../../lib/cross-origin";
import { signIn } from "../auth/service";
import { joinProject } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/join/:slug",
    {
      schema: {
        tags: ["crowd"],
        summary:
          "Enter a study from a crowd platform: creates the participant, or resumes them with the same platform session or this browser's session of theirs, and signs them in; a known participant id with anything else is 403 crowd_session_mismatch",
        security: [],
        params: ZJoinParams,
        body: ZJoinBody,
        response: { 200: ZJoinResponse, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      assertSameOrigin(request, app.config.ARBITER_TRUSTED_ORIGINS);
      const { project, userId, resumedInBrowser, crowd } = await joinProject(
        { db: app.db, secret: app.config.ARBITER_SECRET, currentSession: app.currentSession },
        request,
        request.params.slug,
        request.body,
      );
      // A browser already signed in as this participant keeps its session.
      if (!resumedInBrowser)
        await signIn(app.db, app.config.SESSION_TTL_HOURS, request, reply, userId, {
          passwordChecked: false,
        });
      return { project: { id: project.id, name: project.name }, crowd: crowd! };
    },
  );
};

export default routes;
