import {
  ZContentSummaryResponse,
  ZErrorBody,
  ZIdParams,
  ZItemListQuery,
  ZItemListResponse,
  ZPromptListQuery,
  ZPromptListResponse,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listItems } from "./item-list";
import { contentSummary, listPrompts } from "./service";

// Researchers' views of what a project holds; model names appear here, never on annotator routes.
const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = app.authorize("ADMIN", "RESEARCHER");

  app.get(
    "/projects/:id/prompts",
    {
      schema: {
        tags: ["prompts"],
        summary: "The project's prompts, newest first, each with a preview and its number of completions",
        params: ZIdParams,
        querystring: ZPromptListQuery,
        response: { 200: ZPromptListResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => listPrompts(app.db, request.params.id, request.query),
  );

  app.get(
    "/projects/:id/items",
    {
      schema: {
        tags: ["items"],
        summary:
          "The project's items, newest first, with their models, agreement, flags and rationales; filter by status, gold, model, agreement, flags, rationale or text (q)",
        params: ZIdParams,
        querystring: ZItemListQuery,
        response: { 200: ZItemListResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => listItems(app.db, request.params.id, request.query),
  );

  app.get(
    "/projects/:id/contents",
    {
      schema: {
        tags: ["items"],
        summary: "Counts of prompts, completions per model and source, and items",
        params: ZIdParams,
        response: { 200: ZContentSummaryResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ summary: await contentSummary(app.db, request.params.id) }),
  );
};

export default routes;
