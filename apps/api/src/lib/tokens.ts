import { createHash, randomBytes } from "node:crypto";

/** Hash of a bearer secret (session cookie, API key, invite token) as stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** `arb_<8 chars shown in lists>_<secret>`. */
export function newApiKeyToken(): { token: string; prefix: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  return { token: `arb_${prefix}_${randomBytes(32).toString("base64url")}`, prefix: `arb_${prefix}` };
}
