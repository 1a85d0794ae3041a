import { createHmac } from "node:crypto";

/**
 * The `webhook-signature` header of the Standard Webhooks convention: for each secret,
 * `v1,` and the base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed by the secret's bytes
 * (the base64 after `whsec_`); several are separated by spaces (during a rotation's grace).
 */
export function signWebhook(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
      return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
    })
    .join(" ");
}
