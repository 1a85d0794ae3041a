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
        summary: "Enter a study from a crowd platform: creates or resumes the participant and signs them in",
        security: [],
        params: ZJoinParams,
        body: ZJoinBody,
        response: { 200: ZJoinResponse, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      assertSameOrigin(request, app.config.ARBITER_TRUSTED_ORIGINS);
      const { project, userId, crowd } = await joinProject(app, request, request.params.slug, request.body);
      await signIn(app, request, reply, userId);
      return { project: { id: project.id, name: project.name }, crowd: crowd! };
    },
  );
};

export default routes;
