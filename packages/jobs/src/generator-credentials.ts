import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Secrets at rest (generators' API keys, webhooks' signing secrets): AES-256-GCM under a
 * key derived from the installation's secret. The API encrypts; only the worker decrypts,
 * right before it calls out, so the plaintext never travels through Redis or a later response.
 *
 * Layout: [version 1 byte][IV 12 bytes][ciphertext][auth tag 16 bytes]. The version byte
 * names the format and the derivation (its `info` string); a new one gets a new byte, and
 * rows keep saying which one they were written with.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Fixed: changing it changes the derived key and makes every stored key unreadable.
const HKDF_INFO = "arbiter/generator-api-key/v1";

/** For the API's and the worker's env schemas: both must derive the same key. */
export const ZCredentialEnv = {
  // Empty counts as unset, so that a copied .env.example (`ARBITER_ENCRYPTION_KEY=`) starts.
  ARBITER_ENCRYPTION_KEY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
};

/** A derived key; wraps the bytes so that they are never logged by accident. */
export type TCredentialKey = { readonly version: number; readonly bytes: Buffer; toJSON(): string };

/**
 * HKDF-SHA256 of `ARBITER_ENCRYPTION_KEY`, or of `ARBITER_SECRET` where that is unset. Both
 * apps pass the same variables, so they derive the same key.
 */
export function deriveCredentialKey(env: { ARBITER_ENCRYPTION_KEY?: string; ARBITER_SECRET: string }) {
  const material = env.ARBITER_ENCRYPTION_KEY ?? env.ARBITER_SECRET;
  const bytes = Buffer.from(hkdfSync("sha256", material, Buffer.alloc(0), HKDF_INFO, 32));
  const key: TCredentialKey = { version: VERSION, bytes, toJSON: () => "[credential key]" };
  return key;
}

/**
 * The associated data binds a ciphertext to its row: copied onto another row it no longer
 * decrypts, so a database write cannot move a key to a base URL of its choosing. `context`
 * names the kind of row and its id ("generator:<id>", "webhook:<id>").
 */
export function encryptSecret(key: TCredentialKey, context: string, plaintext: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([key.version]), iv, body, cipher.getAuthTag()]);
}

/** Thrown for a blob that cannot be read: tampered, of another key or row, or of an unknown version. */
export class CredentialError extends Error {
  override name = "CredentialError";
}

export function decryptSecret(key: TCredentialKey, context: string, blob: Uint8Array): string {
  const data = Buffer.from(blob);
  if (data.length < 1 + IV_BYTES + TAG_BYTES) throw new CredentialError("stored key is truncated");
  if (data[0] !== key.version) throw new CredentialError(`stored key has unknown version ${data[0]}`);
  const iv = data.subarray(1, 1 + IV_BYTES);
  const tag = data.subarray(data.length - TAG_BYTES);
  const body = data.subarray(1 + IV_BYTES, data.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    // Node's message says nothing secret, but a fixed one is easier to reason about.
    throw new CredentialError("stored key does not decrypt with this installation's key");
  }
}

export function encryptCredential(key: TCredentialKey, generatorId: string, plaintext: string): Buffer {
  return encryptSecret(key, `generator:${generatorId}`, plaintext);
}

export function decryptCredential(key: TCredentialKey, generatorId: string, blob: Uint8Array): string {
  return decryptSecret(key, `generator:${generatorId}`, blob);
}

/** What a response may show of a key: its last four characters, never more (nothing of a short key). */
export function credentialHint(plaintext: string): string | null {
  return plaintext.length >= 12 ? plaintext.slice(-4) : null;
}
