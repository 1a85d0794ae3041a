import {
  ZCreateItemsBody,
  ZCreateItemsResponse,
  ZErrorBody,
  ZGoldInput,
  ZIdParams,
  ZItemDetailResponse,
  ZItemParams,
  ZReopenItemBody,
} from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { clearGold, reopenItem, retireItem, setGold } from "./curate";
import { readItemDetail } from "./detail";
import { addItems } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = app.authorize("ADMIN", "RESEARCHER");

  app.post(
    "/projects/:id/items",
    {
      schema: {
        tags: ["items"],
        summary: "Add items: a prompt with the completions to compare (imported); all rows or none",
        params: ZIdParams,
        body: ZCreateItemsBody,
        response: { 201: ZCreateItemsResponse, 400: ZErrorBody, 404: ZErrorBody, 413: ZErrorBody },
      },
      bodyLimit: app.config.IMPORT_BODY_LIMIT_BYTES,
      onRequest: staff,
    },
    async (request, reply) =>
      reply.status(201).send({ items: await addItems(app.db, request.params.id, request.body.items) }),
  );

  const detail = async (request: {
    params: { id: string; itemId: string };
    principal?: FastifyRequest["principal"];
  }) => ({
    item: await readItemDetail(
      app.db,
      app.config.ARBITER_SECRET,
      request.principal!.user,
      request.params.id,
      request.params.itemId,
    ),
  });
  const write = { 200: ZItemDetailResponse, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

  app.get(
    "/projects/:id/items/:itemId",
    {
      schema: {
        tags: ["items"],
        summary:
          "One item: its prompt, completions in canonical order, gold answer and every judgment (answers by completion position, annotators by pseudonym; emails for admins)",
        params: ZItemParams,
        response: { 200: ZItemDetailResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => detail(request),
  );

  app.put(
    "/projects/:id/items/:itemId/gold",
    {
      schema: {
        tags: ["items"],
        summary: "Make the item gold with its known answer (by completion position, as in item import)",
        params: ZItemParams,
        body: ZGoldInput,
        response: write,
      },
      onRequest: staff,
    },
    async (request) => {
      await setGold(app.db, request, request.params.id, request.params.itemId, request.body);
      return detail(request);
    },
  );

  app.delete(
    "/projects/:id/items/:itemId/gold",
    {
      schema: {
        tags: ["items"],
        summary: "Make a gold item an ordinary one again",
        params: ZItemParams,
        response: write,
      },
      onRequest: staff,
    },
    async (request) => {
      await clearGold(app.db, request, request.params.id, request.params.itemId);
      return detail(request);
    },
  );

  app.post(
    "/projects/:id/items/:itemId/retire",
    {
      schema: {
        tags: ["items"],
        summary:
          "Retire the item: no more assignments (active leases are released), left out of exports; its judgments are kept",
        params: ZItemParams,
        response: write,
      },
      onRequest: staff,
    },
    async (request) => {
      await retireItem(app.db, request, request.params.id, request.params.itemId);
      return detail(request);
    },
  );

  app.post(
    "/projects/:id/items/:itemId/reopen",
    {
      schema: {
        tags: ["items"],
        summary:
          "Reopen a retired or complete item; it then wants at least moreJudgments (default 1) beyond those counted",
        params: ZItemParams,
        body: ZReopenItemBody,
        response: { ...write, 409: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => {
      await reopenItem(app.db, request, request.params.id, request.params.itemId, request.body.moreJudgments);
      return detail(request);
    },
  );
};

export default routes;
