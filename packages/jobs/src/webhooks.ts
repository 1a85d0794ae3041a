import { randomBytes } from "node:crypto";
import { type BackoffOptions, type ConnectionOptions, Queue } from "bullmq";
import { z } from "zod";
import { decryptSecret, encryptSecret, type TCredentialKey } from "./generator-credentials";
import { defaultJobOptions, QUEUES, type TRetryPolicy } from "./queues";

export const WEBHOOK_JOBS = { deliver: "deliver-webhook" } as const;

// Only the id travels: the event and the endpoint (and its secret) stay in Postgres.
export const ZWebhookPayload = z.object({ deliveryId: z.uuid() });
export type TWebhookPayload = z.infer<typeof ZWebhookPayload>;

/** Stable, so that enqueueing a delivery again while its job exists adds nothing. */
export function webhookJobId(deliveryId: string): string {
  return `webhook-${deliveryId}`;
}

/**
 * The retry curve's default: 12 attempts, from 10 s doubling up to 30 min, so a receiver
 * that is down for an hour (at least 1.1 h with the jitter at its lowest) loses nothing.
 */
export const WEBHOOK_RETRY: TRetryPolicy = { attempts: 12, baseDelayMs: 10_000, maxDelayMs: 30 * 60_000 };

/**
 * Backoff type of delivery jobs: the processor decides the wait (it records it as the
 * delivery's next retry), and hands it to BullMQ on the error it throws.
 */
export const ERROR_DELAY_STRATEGY = "error-delay";

export function createWebhookQueue(
  connection: ConnectionOptions,
  options: { prefix: string; retry?: Partial<TRetryPolicy> },
): Queue {
  const jobOptions = defaultJobOptions({ ...WEBHOOK_RETRY, ...options.retry });
  const backoff = jobOptions.backoff as BackoffOptions;
  return new Queue(QUEUES.webhook, {
    connection,
    prefix: options.prefix,
    defaultJobOptions: { ...jobOptions, backoff: { ...backoff, type: ERROR_DELAY_STRATEGY } },
  });
}

/** A signing secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function encryptWebhookSecret(key: TCredentialKey, endpointId: string, secret: string): Buffer {
  return encryptSecret(key, `webhook:${endpointId}`, secret);
}

export function decryptWebhookSecret(key: TCredentialKey, endpointId: string, blob: Uint8Array): string {
  return decryptSecret(key, `webhook:${endpointId}`, blob);
}
