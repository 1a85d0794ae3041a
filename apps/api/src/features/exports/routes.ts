import {
  ZErrorBody,
  ZExportFileParams,
  ZExportListQuery,
  ZExportListResponse,
  ZExportPreviewResponse,
  ZExportRequest,
  ZExportResponse,
  ZIdParams,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendExportFile } from "./download";
import { previewExport } from "./preview";
import { createExport, exportQueue, getExport, listExports, storedFiles, toExportDto } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = app.authorize("ADMIN", "RESEARCHER");
  const queue = exportQueue(app.config, app.log);
  app.addHook("onClose", queue.close);

  app.post(
    "/projects/:id/exports",
    {
      schema: {
        tags: ["exports"],
        summary: "Start an export of the project's judgments as a training dataset",
        params: ZIdParams,
        body: ZExportRequest,
        response: { 202: ZExportResponse, 400: ZErrorBody, 404: ZErrorBody, 503: ZErrorBody },
      },
      // Exporting reads the collection and changes nothing in it: viewers may.
      config: { projectAccess: "view" },
      onRequest: staff,
    },
    async (request, reply) =>
      reply.status(202).send({
        export: await createExport(app.db, request, queue.producer, request.params.id, request.body),
      }),
  );

  app.post(
    "/projects/:id/exports/preview",
    {
      schema: {
        tags: ["exports"],
        summary:
          "The first rows and the counts an export with these parameters would give, without running it",
        params: ZIdParams,
        body: ZExportRequest,
        response: { 200: ZExportPreviewResponse, 400: ZErrorBody, 404: ZErrorBody, 503: ZErrorBody },
      },
      // Exporting reads the collection and changes nothing in it: viewers may.
      config: { projectAccess: "view" },
      onRequest: staff,
    },
    async (request) => ({
      preview: await previewExport(app.db, app.config.ARBITER_SECRET, request.params.id, request.body),
    }),
  );

  app.get(
    "/projects/:id/exports",
    {
      schema: {
        tags: ["exports"],
        summary: "The project's exports, newest first",
        params: ZIdParams,
        querystring: ZExportListQuery,
        response: { 200: ZExportListResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => listExports(app.db, request.params.id, request.query),
  );

  app.get(
    "/exports/:id",
    {
      schema: {
        tags: ["exports"],
        summary: "One export: status, progress and, when done, its files with checksums",
        params: ZIdParams,
        response: { 200: ZExportResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({
      export: toExportDto(await getExport(app.db, request.principal!.user, request.params.id)),
    }),
  );

  app.get(
    "/exports/:id/files/:name",
    {
      schema: {
        tags: ["exports"],
        summary: "Download a file of a finished export (streamed; supports Range)",
        params: ZExportFileParams,
        response: { 404: ZErrorBody, 409: ZErrorBody, 410: ZErrorBody, 416: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request, reply) => {
      const row = await getExport(app.db, request.principal!.user, request.params.id);
      const file = storedFiles(row).find((f) => f.name === request.params.name);
      return sendExportFile(reply, row.status, file, request.headers.range);
    },
  );
};

export default routes;
