import {
  ZCreateProjectBody,
  ZDuplicateProjectBody,
  ZErrorBody,
  ZIdParams,
  ZProjectListQuery,
  ZProjectListResponse,
  ZProjectResponse,
  ZUpdateProjectBody,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { duplicateProject } from "./duplicate";
import { createProject, getProjectDto, listProjects, updateProject } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = app.authorize("ADMIN", "RESEARCHER");

  app.post(
    "/projects",
    {
      schema: {
        tags: ["projects"],
        summary: "Create a project",
        body: ZCreateProjectBody,
        response: { 201: ZProjectResponse, 400: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request, reply) =>
      reply.status(201).send({ project: await createProject(app.db, request, request.body) }),
  );

  app.get(
    "/projects",
    {
      schema: {
        tags: ["projects"],
        summary: "List the projects the caller may see (admins: all; researchers: theirs), newest first",
        querystring: ZProjectListQuery,
        response: { 200: ZProjectListResponse },
      },
      onRequest: staff,
    },
    async (request) => listProjects(app.db, request.principal!.user, request.query),
  );

  app.get(
    "/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary: "One project with its counts and the caller's role in it (admins: OWNER)",
        params: ZIdParams,
        response: { 200: ZProjectResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ project: await getProjectDto(app.db, request.principal!.user, request.params.id) }),
  );

  app.patch(
    "/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary:
          "Change a project. 409 for a change answers depend on: task type and options are fixed once items exist, the questions once judgments exist; an archived project takes only a status change",
        params: ZIdParams,
        body: ZUpdateProjectBody,
        response: {
          200: ZProjectResponse,
          400: ZErrorBody,
          403: ZErrorBody,
          404: ZErrorBody,
          409: ZErrorBody,
        },
      },
      onRequest: staff,
    },
    async (request) => ({ project: await updateProject(app.db, request, request.params.id, request.body) }),
  );

  app.post(
    "/projects/:id/duplicate",
    {
      schema: {
        tags: ["projects"],
        summary:
          "Copy a project's settings, guidelines and the pools the caller may attach (not its data) into a new project the caller owns",
        params: ZIdParams,
        body: ZDuplicateProjectBody,
        response: { 201: ZProjectResponse, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ project: await duplicateProject(app.db, request, request.params.id, request.body) }),
  );
};

export default routes;
