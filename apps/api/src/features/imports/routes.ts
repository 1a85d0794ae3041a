import { ZErrorBody, ZIdParams, ZImportResponse } from "@arbiter/shared";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runImport } from "./service";
import { completionWriter, promptWriter } from "./writers";

const ZImportQuery = z.object({
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // all-or-nothing: one bad line and nothing is written; partial: good lines are written.
  mode: z.enum(["all-or-nothing", "partial"]).default("all-or-nothing"),
  // Otherwise from the file name (.jsonl/.ndjson or .csv). "lines": one prompt per line of
  // plain text (pasted prompts), for prompt imports only.
  format: z.enum(["jsonl", "csv", "lines"]).optional(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  // Registered here only: uploads are accepted by these routes and nowhere else.
  await app.register(fastifyMultipart, {
    limits: { fileSize: app.config.IMPORT_BODY_LIMIT_BYTES, files: 1, fields: 10, parts: 12 },
  });
  const staff = app.authorize("ADMIN", "RESEARCHER");
  const schema = (summary: string) => ({
    tags: ["imports"],
    summary,
    consumes: ["multipart/form-data"],
    params: ZIdParams,
    querystring: ZImportQuery,
    response: { 200: ZImportResponse, 400: ZErrorBody, 404: ZErrorBody, 408: ZErrorBody, 413: ZErrorBody },
  });

  app.post(
    "/projects/:id/prompts/import",
    {
      schema: schema(
        "Import prompts from JSONL or CSV ({externalId?, messages | text, metadata?}) or plain lines (format=lines: one prompt per line, as pasted); duplicates are reported, not re-inserted",
      ),
      onRequest: staff,
    },
    async (request) =>
      runImport(app.db, app.config, request, request.params.id, "prompts", promptWriter, request.query),
  );

  app.post(
    "/projects/:id/completions/import",
    {
      schema: schema(
        "Import completions from JSONL or CSV ({promptId | promptExternalId, model, text, sampleIndex?, finishReason?, metadata?})",
      ),
      onRequest: staff,
    },
    async (request) =>
      runImport(
        app.db,
        app.config,
        request,
        request.params.id,
        "completions",
        completionWriter,
        request.query,
      ),
  );
};

export default routes;
