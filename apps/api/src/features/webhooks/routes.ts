import {
  ZCreateWebhookBody,
  ZErrorBody,
  ZId,
  ZUpdateWebhookBody,
  ZWebhookDeliveriesResponse,
  ZWebhookListResponse,
  ZWebhookResponse,
  ZWebhookSecretResponse,
  ZWebhookTestResponse,
} from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
  type WebhookScope,
  webhookSettings,
} from "./service";

const webhookId = (request: FastifyRequest) => (request.params as { webhookId: string }).webhookId;

type TScopeDef = {
  /** "/projects/:id/webhooks" or "/webhooks". */
  base: string;
  /** Params of the base path (the project id, or nothing). */
  params: z.ZodObject;
  scope: (request: FastifyRequest) => WebhookScope;
  onRequest: ReturnType<FastifyInstance["authorize"]>;
  /** Words for the OpenAPI summaries. */
  whose: string;
};

/**
 * The same seven routes for a project's endpoints (the project-access hook lets viewers read
 * and editors write) and for the installation's global ones (admins only).
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const settings = webhookSettings(app.config);
  const scopes: TScopeDef[] = [
    {
      base: "/projects/:id/webhooks",
      params: z.object({ id: ZId }),
      scope: (r) => ({ projectId: (r.params as { id: string }).id }),
      onRequest: app.authorize("ADMIN", "RESEARCHER"),
      whose: "the project's",
    },
    {
      base: "/webhooks",
      params: z.object({}),
      scope: () => ({ projectId: null }),
      onRequest: app.authorize("ADMIN"),
      whose: "the installation's global (every project)",
    },
  ];

  for (const def of scopes) {
    const one = def.params.extend({ webhookId: ZId });
    const tags = ["webhooks"];
    const { onRequest } = def;

    app.get(
      def.base,
      {
        schema: {
          tags,
          summary: `List ${def.whose} webhook endpoints (secrets are never shown again)`,
          params: def.params,
          response: { 200: ZWebhookListResponse, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request) => ({ webhooks: await listWebhooks(app.db, def.scope(request)) }),
    );

    app.post(
      def.base,
      {
        schema: {
          tags,
          summary: `Register a webhook endpoint for ${def.whose} events; the answer holds the signing secret, shown this once`,
          params: def.params,
          body: ZCreateWebhookBody,
          response: { 201: ZWebhookSecretResponse, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createWebhook(app.db, settings, request, def.scope(request), request.body)),
    );

    app.get(
      `${def.base}/:webhookId`,
      {
        schema: {
          tags,
          summary: `One of ${def.whose} webhook endpoints`,
          params: one,
          response: { 200: ZWebhookResponse, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request) => ({
        webhook: await getWebhook(app.db, def.scope(request), webhookId(request)),
      }),
    );

    app.patch(
      `${def.base}/:webhookId`,
      {
        schema: {
          tags,
          summary: "Change a webhook endpoint's URL, description, events or active flag",
          params: one,
          body: ZUpdateWebhookBody,
          response: { 200: ZWebhookResponse, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request) => ({
        webhook: await updateWebhook(
          app.db,
          settings,
          request,
          def.scope(request),
          webhookId(request),
          request.body,
        ),
      }),
    );

    app.delete(
      `${def.base}/:webhookId`,
      {
        schema: {
          tags,
          summary: "Remove a webhook endpoint and its delivery log",
          params: one,
          response: { 204: z.null(), 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request, reply) => {
        await deleteWebhook(app.db, request, def.scope(request), webhookId(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${def.base}/:webhookId/rotate-secret`,
      {
        schema: {
          tags,
          summary:
            "Replace the signing secret (shown this once); for 24 hours deliveries carry signatures by both the old and the new one",
          params: one,
          response: { 200: ZWebhookSecretResponse, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request) =>
        rotateWebhookSecret(app.db, settings, request, def.scope(request), webhookId(request)),
    );

    app.post(
      `${def.base}/:webhookId/test`,
      {
        schema: {
          tags,
          summary: "Send a webhook.test event to this endpoint through the delivery queue",
          params: one,
          response: { 202: ZWebhookTestResponse, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request, reply) =>
        reply.status(202).send(await sendTestEvent(app.db, def.scope(request), webhookId(request))),
    );

    app.get(
      `${def.base}/:webhookId/deliveries`,
      {
        schema: {
          tags,
          summary:
            "The endpoint's latest 100 deliveries: event, attempts, last status code, duration, error, next retry, delivered at",
          params: one,
          response: { 200: ZWebhookDeliveriesResponse, 403: ZErrorBody, 404: ZErrorBody },
        },
        onRequest,
      },
      async (request) => ({
        deliveries: await listDeliveries(app.db, def.scope(request), webhookId(request)),
      }),
    );
  }
};

export default routes;
