import type { TRole } from "@arbiter/shared";
import fastifyAuth, { type FastifyAuthFunction } from "@fastify/auth";
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import fp from "fastify-plugin";
import { assertSameOrigin } from "../lib/cross-origin";
import { forbidden, unauthenticated } from "../lib/http-error";
import type { AuthUser, Principal } from "../lib/principal";
import { hashToken } from "../lib/tokens";

export const SESSION_COOKIE = "arbiter_session";
// Sessions and keys record when they were last used, but not on every request of the hot
// path. For sessions the idle limit is measured from that record, so the resolution is kept
// well under the limit: a session in use is never taken for idle.
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;
// Principals remembered for the hot path (see authorizeHotPath). Shorter than the
// last-seen resolution, so remembered requests never hold back a last-used update.
const REMEMBER_PRINCIPAL_MS = 30_000;
const MAX_REMEMBERED_PRINCIPALS = 10_000;

export function lastSeenResolutionMs(idleMinutes: number): number {
  return Math.min(LAST_SEEN_RESOLUTION_MS, (idleMinutes * 60_000) / 4);
}

declare module "fastify" {
  interface FastifyInstance {
    verifySession: FastifyAuthFunction;
    verifyApiKey: FastifyAuthFunction;
    /** onRequest hooks: authenticated by session or API key, with one of the roles (any role if none given).
     * They run before the body is parsed, so a stranger learns nothing from validation errors. */
    authorize: (...roles: TRole[]) => onRequestHookHandler[];
    /** As authorize, but a principal seen in the last seconds is taken from memory, without
     * a query. ONLY for routes whose SQL re-checks the credential in the statement that does
     * the work (arbiter_credential_role) and calls forgetPrincipal when it fails: that
     * check, not this memory, is what makes a suspension or revocation take effect at once,
     * in every API process. */
    authorizeHotPath: (...roles: TRole[]) => onRequestHookHandler[];
    /** Drops the request's credential from memory and throws 401 (its re-check failed). */
    forgetPrincipal: (request: FastifyRequest) => never;
    /** The live session the request's cookie holds, if any, for public routes that resume one. */
    currentSession: (request: FastifyRequest) => Promise<{ sessionId: string; userId: string } | null>;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

type UserRow = {
  user_id: string;
  email: string;
  name: string;
  role: TRole;
  status: AuthUser["status"];
};

function toUser(row: UserRow): AuthUser {
  return { id: row.user_id, email: row.email, name: row.name, role: row.role, status: row.status };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(" ");
  return scheme?.toLowerCase() === "bearer" && token ? token : undefined;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifyCookie);
  await app.register(fastifyAuth);
  app.decorateRequest("principal", null);

  app.decorate<FastifyAuthFunction>("verifyApiKey", async (request) => {
    const token = bearerToken(request);
    if (!token) throw unauthenticated();
    const { rows } = await app.db.pool.query<
      UserRow & { key_id: string; last_used_at: Date | null; expires_at: Date | null }
    >({
      name: "auth-api-key",
      text: `SELECT k.id AS key_id, k.last_used_at, k.expires_at, u.id AS user_id, u.email, u.name, u.role, u.status
         FROM api_keys k JOIN users u ON u.id = k.user_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      values: [hashToken(token)],
    });
    const row = rows[0];
    if (row?.status !== "ACTIVE") throw unauthenticated("Invalid, revoked or expired API key");
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await app.db.pool.query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [row.key_id]);
    }
    request.principal = {
      via: "apiKey",
      user: toUser(row),
      apiKeyId: row.key_id,
      validUntil: row.expires_at?.getTime() ?? Number.POSITIVE_INFINITY,
    };
  });

  const idleMs = app.config.SESSION_IDLE_MINUTES * 60_000;
  const resolutionMs = lastSeenResolutionMs(app.config.SESSION_IDLE_MINUTES);

  /** A session that is neither revoked, past its absolute limit, nor idle too long; its last use recorded. */
  async function liveSession(token: string) {
    const { rows } = await app.db.pool.query<
      UserRow & { session_id: string; last_seen_at: Date; expires_at: Date }
    >({
      name: "auth-session",
      text: `SELECT s.id AS session_id, s.last_seen_at, s.expires_at,
                    u.id AS user_id, u.email, u.name, u.role, u.status
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2::float8 / 1000)`,
      values: [hashToken(token), idleMs],
    });
    const row = rows[0];
    if (row?.status !== "ACTIVE") return null;
    let lastSeen = row.last_seen_at.getTime();
    if (Date.now() - lastSeen > resolutionMs) {
      await app.db.pool.query("UPDATE sessions SET last_seen_at = now() WHERE id = $1", [row.session_id]);
      lastSeen = Date.now();
    }
    return { row, validUntil: Math.min(row.expires_at.getTime(), lastSeen + idleMs) };
  }

  app.decorate<FastifyAuthFunction>("verifySession", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // An explicit bearer token is checked alone: a bad API key must not fall back to a cookie.
    if (!token || bearerToken(request)) throw unauthenticated();
    const live = await liveSession(token);
    if (!live) throw unauthenticated("Your session has ended; sign in again");
    const { row, validUntil } = live;
    request.principal = { via: "session", user: toUser(row), sessionId: row.session_id, validUntil };
  });

  app.decorate("currentSession", async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const live = token ? await liveSession(token) : null;
    return live ? { sessionId: live.row.session_id, userId: live.row.user_id } : null;
  });

  // Either credential will do. The API key goes first so that scripts, the busiest
  // callers, pass without a failed attempt; when both fail, the session's error is shown.
  const authenticate = app.auth([app.verifyApiKey, app.verifySession], { relation: "or" });

  // Keyed by the credential's hash; a bearer token and a cookie are told apart, as above.
  const remembered = new Map<string, { principal: Principal; until: number }>();
  const credentialKey = (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (token) return `k:${hashToken(token)}`;
    const cookie = request.cookies[SESSION_COOKIE];
    return cookie ? `s:${hashToken(cookie)}` : undefined;
  };
  const remember = (key: string, principal: Principal) => {
    remembered.delete(key);
    // Never past the moment the credential itself would lapse (idle or absolute limit).
    const until = Math.min(Date.now() + REMEMBER_PRINCIPAL_MS, principal.validUntil);
    remembered.set(key, { principal, until });
    if (remembered.size > MAX_REMEMBERED_PRINCIPALS) remembered.delete(remembered.keys().next().value!);
  };
  const authenticateRemembered: onRequestHookHandler = function (request, reply, done) {
    const key = credentialKey(request);
    const known = key ? remembered.get(key) : undefined;
    if (known && known.until > Date.now()) {
      request.principal = known.principal;
      return done();
    }
    authenticate.call(this, request, reply, (err?: Error) => {
      if (!err && key && request.principal) remember(key, request.principal);
      done(err);
    });
  };

  app.decorate("forgetPrincipal", (request: FastifyRequest): never => {
    const key = credentialKey(request);
    if (key) remembered.delete(key);
    throw request.principal?.via === "session"
      ? unauthenticated("Your session has ended; sign in again")
      : unauthenticated("Invalid, revoked or expired API key");
  });

  const checkRole =
    (roles: TRole[]): onRequestHookHandler =>
    async (request) => {
      const role = request.principal?.user.role;
      if (!role) throw unauthenticated();
      if (request.principal?.via === "session") assertSameOrigin(request, app.config.ARBITER_TRUSTED_ORIGINS);
      if (roles.length > 0 && !roles.includes(role)) throw forbidden();
    };
  app.decorate("authorize", (...roles: TRole[]) => [authenticate, checkRole(roles)]);
  app.decorate("authorizeHotPath", (...roles: TRole[]) => [authenticateRemembered, checkRole(roles)]);
});
