import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const OIDC_STATE_COOKIE = "arbiter_oidc";
/** Only the callback needs it. */
export const OIDC_STATE_COOKIE_PATH = "/api/v1/auth/oidc";
export const OIDC_STATE_TTL_SECONDS = 600;

const ZState = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  next: z.string().optional(),
  expiresAt: z.number(),
});
export type TOidcState = z.infer<typeof ZState>;

/**
 * The sign-in attempt travels in an httpOnly cookie rather than a table: it is bound to the
 * browser that started it (a callback URL opened in another browser has no cookie), every API
 * replica can read it, and nothing is left behind by attempts never finished. It is signed
 * with a key derived from ARBITER_SECRET, so neither its `next` nor its checks can be altered;
 * the PKCE verifier in it is worthless without the code, which only the IdP's redirect has.
 */
export function createStateCookieCodec(secret: string) {
  const key = Buffer.from(hkdfSync("sha256", secret, "", "arbiter oidc state cookie", 32));
  const sign = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

  return {
    encode(state: TOidcState): string {
      const payload = Buffer.from(JSON.stringify(state)).toString("base64url");
      return `${payload}.${sign(payload)}`;
    },
    /** The attempt if the cookie is intact and unexpired; otherwise null. */
    decode(value: string | undefined, now = Date.now()): TOidcState | null {
      const [payload, mac, ...rest] = (value ?? "").split(".");
      if (!payload || !mac || rest.length > 0) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(payload, "base64url").toString());
      } catch {
        return null;
      }
      const parsed = ZState.safeParse(json);
      return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
    },
  };
}
