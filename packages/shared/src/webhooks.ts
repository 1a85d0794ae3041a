import { z } from "zod";

/** What Arbiter reports; `webhook.test` is sent only by the "send test event" button. */
export const WEBHOOK_EVENTS = [
  "export.succeeded",
  "export.failed",
  "generation_run.finished",
  "project.completed",
  "annotator.quarantined",
  "judgment.created",
] as const;
export const ZWebhookEventType = z.enum(WEBHOOK_EVENTS);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;

const zWebhookUrl = z
  .string()
  .max(2_000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "must be an http(s) URL without credentials");

const zEvents = z
  .array(ZWebhookEventType)
  .min(1, "choose at least one event")
  .transform((events) => [...new Set(events)]);

export const ZCreateWebhookBody = z.strictObject({
  url: zWebhookUrl,
  description: z.string().trim().max(500).default(""),
  events: zEvents,
  active: z.boolean().default(true),
});
export type TCreateWebhookBody = z.input<typeof ZCreateWebhookBody>;

export const ZUpdateWebhookBody = z.strictObject({
  url: zWebhookUrl.optional(),
  description: z.string().trim().max(500).optional(),
  events: zEvents.optional(),
  active: z.boolean().optional(),
});
export type TUpdateWebhookBody = z.input<typeof ZUpdateWebhookBody>;

export const ZWebhookEndpoint = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  // Until then the previous secret still signs beside the current one.
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

export const ZWebhookListResponse = z.object({ webhooks: z.array(ZWebhookEndpoint) });
export type TWebhookListResponse = z.infer<typeof ZWebhookListResponse>;

/** Creation and rotation: the only answers that carry the secret; it is never shown again. */
export const ZWebhookSecretResponse = z.object({ webhook: ZWebhookEndpoint, secret: z.string() });
export type TWebhookSecretResponse = z.infer<typeof ZWebhookSecretResponse>;

export const ZWebhookResponse = z.object({ webhook: ZWebhookEndpoint });

export const ZWebhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
  attempts: z.number().int(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookDeliveriesResponse = z.object({ deliveries: z.array(ZWebhookDelivery) });
export type TWebhookDeliveriesResponse = z.infer<typeof ZWebhookDeliveriesResponse>;

export const ZWebhookTestResponse = z.object({ deliveryId: z.string() });
