import {
  cappedExponentialBackoff,
  decryptWebhookSecret,
  type TCredentialKey,
  type TRetryPolicy,
} from "@arbiter/jobs";
import { UnrecoverableError } from "bullmq";
import type pg from "pg";
import { egressDenial } from "../../inference/errors";
import { signWebhook } from "./sign";

export type TDeliverDeps = {
  pool: pg.Pool;
  key: TCredentialKey;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: TRetryPolicy;
  now?: () => Date;
};

type TDeliveryRow = {
  status: string;
  endpoint_id: string;
  url: string;
  active: boolean;
  secret_ciphertext: Buffer;
  previous_secret_ciphertext: Buffer | null;
  previous_secret_expires_at: Date | null;
  type: string;
  data: unknown;
  event_created_at: Date;
};

/** A failed attempt that another may fix; carries the wait the delivery log shows. */
class RetryableDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

function describeError(err: unknown): { message: string; final: boolean } {
  // Asking again cannot change the policy's answer.
  const denied = egressDenial(err);
  if (denied) return { message: denied.message, final: true };
  if ((err as Error).name === "TimeoutError")
    return { message: "timed out waiting for the receiver", final: false };
  const cause = (err as { cause?: { message?: string } }).cause;
  return { message: cause?.message ?? (err as Error).message, final: false };
}

/**
 * One attempt of one delivery. The `webhook-id` is the delivery's id, the same on every
 * attempt, so receivers can drop a repeat; the body is built from the stored event, so it is
 * the same too; the timestamp and signature are the attempt's own. Resolves when delivered
 * (or when nothing is left to do); throws to have BullMQ try again after the recorded wait,
 * or an UnrecoverableError when no attempt is left or retrying cannot help.
 */
export async function deliverWebhook(
  deps: TDeliverDeps,
  deliveryId: string,
  attemptsMade: number,
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const { rows } = await deps.pool.query<TDeliveryRow>(
    `SELECT d.status, e.id AS endpoint_id, e.url, e.active, e.secret_ciphertext, e.previous_secret_ciphertext,
            e.previous_secret_expires_at, ev.type, ev.data, ev.created_at AS event_created_at
       FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.id = d.endpoint_id
       JOIN webhook_events ev ON ev.id = d.event_id
      WHERE d.id = $1`,
    [deliveryId],
  );
  const row = rows[0];
  // Deleted with its endpoint, or finished by an earlier attempt whose job was re-added.
  if (row?.status !== "PENDING") return;
  if (!row.active) {
    await record(deps.pool, deliveryId, { status: "FAILED", error: "endpoint is disabled", counts: false });
    return;
  }

  const secrets = [decryptWebhookSecret(deps.key, row.endpoint_id, row.secret_ciphertext)];
  if (
    row.previous_secret_ciphertext &&
    row.previous_secret_expires_at &&
    row.previous_secret_expires_at > now()
  ) {
    secrets.push(decryptWebhookSecret(deps.key, row.endpoint_id, row.previous_secret_ciphertext));
  }
  const body = JSON.stringify({
    type: row.type,
    timestamp: row.event_created_at.toISOString(),
    data: row.data,
  });
  const timestamp = Math.floor(now().getTime() / 1000);

  const started = performance.now();
  let statusCode: number | null = null;
  let failure: { message: string; final: boolean } | null = null;
  try {
    const res = await deps.fetch(row.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": deliveryId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(secrets, deliveryId, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    statusCode = res.status;
    // The answer's body is not needed; cancelling frees the connection.
    await res.body?.cancel().catch(() => undefined);
    if (res.status < 200 || res.status >= 300)
      failure = { message: `receiver answered HTTP ${res.status}`, final: false };
  } catch (err) {
    failure = describeError(err);
  }
  const durationMs = Math.round(performance.now() - started);

  if (!failure) {
    await record(deps.pool, deliveryId, { status: "DELIVERED", statusCode, durationMs, deliveredAt: now() });
    return;
  }
  const attempt = attemptsMade + 1;
  if (failure.final || attempt >= deps.retry.attempts) {
    await record(deps.pool, deliveryId, { status: "FAILED", statusCode, durationMs, error: failure.message });
    throw new UnrecoverableError(failure.message);
  }
  const wait = cappedExponentialBackoff(attempt, deps.retry.baseDelayMs, deps.retry.maxDelayMs);
  await record(deps.pool, deliveryId, {
    status: "PENDING",
    statusCode,
    durationMs,
    error: failure.message,
    nextRetryAt: new Date(now().getTime() + wait),
  });
  throw new RetryableDeliveryError(failure.message, wait);
}

type TAttempt = {
  status: "PENDING" | "DELIVERED" | "FAILED";
  statusCode?: number | null;
  durationMs?: number;
  error?: string;
  deliveredAt?: Date;
  nextRetryAt?: Date;
  /** False when no request was made (a disabled endpoint). */
  counts?: boolean;
};

async function record(pool: pg.Pool, deliveryId: string, a: TAttempt) {
  await pool.query(
    `UPDATE webhook_deliveries
        SET status = $2, attempts = attempts + $3, status_code = $4, duration_ms = $5, error = $6,
            delivered_at = $7, next_retry_at = $8
      WHERE id = $1 AND status = 'PENDING'`,
    [
      deliveryId,
      a.status,
      a.counts === false ? 0 : 1,
      a.statusCode ?? null,
      a.durationMs ?? null,
      a.error ?? null,
      a.deliveredAt ?? null,
      a.nextRetryAt ?? null,
    ],
  );
}
