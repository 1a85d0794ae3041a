import {
  ZAssignmentResponse,
  ZErrorBody,
  ZIdempotencyHeaders,
  ZIdParams,
  ZJudgmentBody,
  ZJudgmentResponse,
  ZMyProjectsResponse,
  ZNextResponse,
  ZProgressQuery,
  ZProgressResponse,
  ZSkipBody,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { crowdStatus } from "../crowd/service";
import { projectForAnnotator } from "./access";
import { refitAsker } from "./ask-refit";
import { leaseForAnnotator, nextAssignment } from "./assign";
import { loadAssignmentDto } from "./assignment-dto";
import { submitJudgment } from "./judge";
import { progressFor, projectsFor } from "./progress";
import { skipAssignment, undoJudgment } from "./undo-skip";

// The hot path (assignment, judgment) waits on Postgres only: the one queue call, a refit of
// an adaptive project after an answer, is never awaited.
const routes: FastifyPluginAsyncZod = async (app) => {
  const askRefit = refitAsker(app.db, app.queues, app.log);
  const anyone = app.authorize();
  // Both calls re-check the credential in their own statement (see authorizeHotPath).
  const anyoneHot = app.authorizeHotPath();

  app.get(
    "/me/projects",
    {
      schema: {
        tags: ["annotation"],
        summary: "Projects the signed-in user may annotate, with the items left for them",
        response: { 200: ZMyProjectsResponse },
      },
      onRequest: anyone,
    },
    async (request) => ({ projects: await projectsFor(app.db, request.principal!.user) }),
  );

  app.get(
    "/me/progress",
    {
      schema: {
        tags: ["annotation"],
        summary: "The signed-in annotator's progress in a project",
        querystring: ZProgressQuery,
        response: { 200: ZProgressResponse, 404: ZErrorBody },
      },
      onRequest: anyone,
    },
    async (request) => {
      const { user } = request.principal!;
      const project = await projectForAnnotator(app.db, user, request.query.projectId);
      const [progress, crowd] = await Promise.all([
        progressFor(app.db, user.id, project.id),
        crowdStatus(app.db, project, user.id),
      ]);
      return { progress: { ...progress, crowd } };
    },
  );

  app.post(
    "/projects/:id/assignments",
    {
      schema: {
        tags: ["annotation"],
        summary: "Lease the next item to judge (or the one already held); 204 when nothing is left",
        params: ZIdParams,
        response: { 201: ZAssignmentResponse, 204: z.null(), 404: ZErrorBody },
      },
      config: { projectAccess: "annotate" },
      onRequest: anyoneHot,
    },
    async (request, reply) => {
      const assignment = await leaseForAnnotator(app.db, app.forgetPrincipal, request, request.params.id);
      if (!assignment) return reply.status(204).send(null);
      return reply.status(201).send({ assignment });
    },
  );

  app.post(
    "/assignments/:id/judgment",
    {
      schema: {
        tags: ["annotation"],
        summary: "Answer an assignment; idempotent per Idempotency-Key; returns the next assignment",
        params: ZIdParams,
        headers: ZIdempotencyHeaders,
        body: ZJudgmentBody,
        response: { 201: ZJudgmentResponse, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: anyoneHot,
    },
    async (request, reply) => {
      const { judgment, next, recordedIn } = await submitJudgment(
        app.db,
        app.forgetPrincipal,
        request,
        request.params.id,
        request.headers["idempotency-key"],
        request.body,
      );
      if (recordedIn) askRefit(recordedIn);
      return reply.status(201).send({ judgment, next });
    },
  );

  app.post(
    "/assignments/:id/skip",
    {
      schema: {
        tags: ["annotation"],
        summary: "Skip an assignment; returns the next one",
        params: ZIdParams,
        body: ZSkipBody,
        response: { 200: ZNextResponse, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: anyone,
    },
    async (request) => {
      const { user } = request.principal!;
      const projectId = await skipAssignment(app.db, user.id, request.params.id, request.body?.reason);
      const project = await projectForAnnotator(app.db, user, projectId).catch(() => null);
      return { next: project ? await nextAssignment(app.db, project, user.id) : null };
    },
  );

  app.post(
    "/judgments/:id/undo",
    {
      schema: {
        tags: ["annotation"],
        summary: "Take back an answer within 60 s while its item is open; the assignment reopens",
        params: ZIdParams,
        response: { 200: ZAssignmentResponse, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: anyone,
    },
    async (request) => {
      const assignmentId = await undoJudgment(app.db, request.principal!.user.id, request.params.id);
      return { assignment: await loadAssignmentDto(app.db.pool, assignmentId) };
    },
  );
};

export default routes;
