import { randomUUID } from "node:crypto";
import type { Db, WebhookEndpoint } from "@arbiter/db";
import {
  baseUrlProblem,
  deriveCredentialKey,
  egressPolicyFromEnv,
  encryptWebhookSecret,
  generateWebhookSecret,
  type TCredentialKey,
  type TEgressPolicy,
} from "@arbiter/jobs";
import type {
  TCreateWebhookBody,
  TUpdateWebhookBody,
  TWebhookDelivery,
  TWebhookEndpoint,
  TWebhookSecretResponse,
} from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import type { TApiEnv } from "../../env";
import { audit } from "../../lib/audit";
import { badRequest, notFound } from "../../lib/http-error";
import { assertProject, isUuid } from "../projects/access";

/** How long a rotated-out secret keeps signing beside the new one, so receivers can switch. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;
const DELIVERY_LOG_LIMIT = 100;

/** The encryption key and the egress rule endpoints' URLs must meet; derived once, at start-up. */
export type WebhookSettings = { key: TCredentialKey; policy: TEgressPolicy };

export function webhookSettings(
  config: Pick<
    TApiEnv,
    "ARBITER_ENCRYPTION_KEY" | "ARBITER_SECRET" | "GENERATOR_ALLOWED_HOSTS" | "GENERATOR_DENY_PRIVATE"
  >,
): WebhookSettings {
  return { key: deriveCredentialKey(config), policy: egressPolicyFromEnv(config) };
}

/** A project's endpoints (projectId) or the installation's global ones (null). */
export type WebhookScope = { projectId: string | null };

function serialize(e: WebhookEndpoint): TWebhookEndpoint {
  return {
    id: e.id,
    projectId: e.projectId,
    url: e.url,
    description: e.description,
    events: e.events,
    active: e.active,
    previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The rule the worker applies on connect, for what can be told before any request. */
function assertUrl(settings: WebhookSettings, url: string | undefined) {
  if (url === undefined) return;
  const problem = baseUrlProblem(url, settings.policy)?.replace("generators", "webhooks");
  if (problem) throw badRequest(`url: ${problem}`, [{ path: "body.url", message: problem }]);
}

async function assertScope(db: Db, scope: WebhookScope) {
  if (scope.projectId !== null) await assertProject(db, scope.projectId);
}

async function findEndpoint(db: Db, scope: WebhookScope, id: string) {
  const endpoint = isUuid(id)
    ? await db.prisma.webhookEndpoint.findFirst({ where: { id, projectId: scope.projectId } })
    : null;
  if (!endpoint) throw notFound("Webhook");
  return endpoint;
}

export async function listWebhooks(db: Db, scope: WebhookScope) {
  await assertScope(db, scope);
  const rows = await db.prisma.webhookEndpoint.findMany({
    where: { projectId: scope.projectId },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(serialize);
}

export async function getWebhook(db: Db, scope: WebhookScope, id: string) {
  return serialize(await findEndpoint(db, scope, id));
}

export async function createWebhook(
  db: Db,
  settings: WebhookSettings,
  request: FastifyRequest,
  scope: WebhookScope,
  body: TCreateWebhookBody & { events: string[] },
): Promise<TWebhookSecretResponse> {
  await assertScope(db, scope);
  assertUrl(settings, body.url);
  // The id is chosen here so that the secret can be encrypted for this endpoint only.
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const created = await db.prisma.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        id,
        projectId: scope.projectId,
        url: body.url,
        description: body.description ?? "",
        events: body.events,
        active: body.active ?? true,
        secretCiphertext: new Uint8Array(encryptWebhookSecret(settings.key, id, secret)),
        createdById: request.principal!.user.id,
      },
    });
    await audit(tx, request, {
      action: "webhook.create",
      targetType: "webhook",
      targetId: id,
      data: { projectId: scope.projectId, url: body.url, events: body.events },
    });
    return row;
  });
  return { webhook: serialize(created), secret };
}

export async function updateWebhook(
  db: Db,
  settings: WebhookSettings,
  request: FastifyRequest,
  scope: WebhookScope,
  id: string,
  body: TUpdateWebhookBody & { events?: string[] },
) {
  await findEndpoint(db, scope, id);
  assertUrl(settings, body.url);
  const updated = await db.prisma.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({ where: { id }, data: body });
    await audit(tx, request, { action: "webhook.update", targetType: "webhook", targetId: id, data: body });
    return row;
  });
  return serialize(updated);
}

export async function deleteWebhook(db: Db, request: FastifyRequest, scope: WebhookScope, id: string) {
  await findEndpoint(db, scope, id);
  await db.prisma.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id } });
    await audit(tx, request, { action: "webhook.delete", targetType: "webhook", targetId: id });
  });
}

/** A new secret, shown once; the old one keeps signing beside it for ROTATION_GRACE_MS. */
export async function rotateWebhookSecret(
  db: Db,
  settings: WebhookSettings,
  request: FastifyRequest,
  scope: WebhookScope,
  id: string,
  now = new Date(),
): Promise<TWebhookSecretResponse> {
  const endpoint = await findEndpoint(db, scope, id);
  const secret = generateWebhookSecret();
  const updated = await db.prisma.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        secretCiphertext: new Uint8Array(encryptWebhookSecret(settings.key, id, secret)),
        previousSecretCiphertext: endpoint.secretCiphertext,
        previousSecretExpiresAt: new Date(now.getTime() + ROTATION_GRACE_MS),
      },
    });
    await audit(tx, request, { action: "webhook.rotate_secret", targetType: "webhook", targetId: id });
    return row;
  });
  return { webhook: serialize(updated), secret };
}

/**
 * A `webhook.test` event for this endpoint only, written to the outbox like any other: the
 * worker's dispatcher puts it on the same queue, so it tests the real path.
 */
export async function sendTestEvent(db: Db, scope: WebhookScope, id: string) {
  const endpoint = await findEndpoint(db, scope, id);
  const deliveryId = await db.prisma.$transaction(async (tx) => {
    const event = await tx.webhookEvent.create({
      data: {
        projectId: endpoint.projectId,
        type: "webhook.test",
        data: { endpointId: endpoint.id, message: "A test event sent from Arbiter" },
      },
    });
    const delivery = await tx.webhookDelivery.create({
      data: { eventId: event.id, endpointId: endpoint.id },
    });
    return delivery.id;
  });
  return { deliveryId };
}

export async function listDeliveries(db: Db, scope: WebhookScope, id: string): Promise<TWebhookDelivery[]> {
  await findEndpoint(db, scope, id);
  const rows = await db.prisma.webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_LIMIT,
    include: { event: { select: { type: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    eventId: d.eventId,
    eventType: d.event.type,
    status: d.status,
    attempts: d.attempts,
    statusCode: d.statusCode,
    durationMs: d.durationMs,
    error: d.error,
    nextRetryAt: d.nextRetryAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
}
