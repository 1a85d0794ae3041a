import {
  ZCreateProjectBody,
  ZErrorBody,
  ZIdParams,
  ZProjectListQuery,
  ZProjectListResponse,
  ZProjectResponse,
  ZUpdateProjectBody,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { page, pageArgs } from "../../lib/pagination";
import { toProjectDto } from "./serialize";
import { createProject, getProjectDto, projectCounts, updateProject } from "./service";

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
    async (request) => {
      const user = request.principal!.user;
      const rows = await app.db.prisma.project.findMany({
        where: {
          ...(request.query.status ? { status: request.query.status } : {}),
          // Admins see every project; everyone else the projects they are members of.
          ...(user.role === "ADMIN" ? {} : { members: { some: { userId: user.id } } }),
        },
        include: { pools: { select: { poolId: true } } },
        ...pageArgs(request.query),
      });
      const { items, nextCursor } = page(rows, request.query.limit);
      const counts = await projectCounts(
        app.db,
        items.map((p) => p.id),
      );
      return { projects: items.map((p) => toProjectDto(p, counts.get(p.id)!)), nextCursor };
    },
  );

  app.get(
    "/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary: "One project with its counts",
        params: ZIdParams,
        response: { 200: ZProjectResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ project: await getProjectDto(app.db, request.params.id) }),
  );

  app.patch(
    "/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary: "Change a project; task type and options are fixed once items exist",
        params: ZIdParams,
        body: ZUpdateProjectBody,
        response: { 200: ZProjectResponse, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ project: await updateProject(app.db, request, request.params.id, request.body) }),
  );
};

export default routes;
