import type { ApiKey, Db } from "@arbiter/db";
import type { TApiKey } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { HttpError, notFound } from "../../lib/http-error";
import type { Principal } from "../../lib/principal";
import { hashToken, newApiKeyToken } from "../../lib/tokens";
import { sessionRequired } from "../auth/service";

/** How recent the session's last password check must be for minting an API key. */
export const RECENT_PASSWORD_MINUTES = 15;

/**
 * An API key is a lasting credential, so minting one needs the person, not just a credential:
 * a browser session whose password was checked in the last minutes (at sign-in or by
 * re-entering it). A leaked API key or a stolen cookie alone cannot mint more keys.
 */
export async function assertRecentPassword(db: Db, principal: Principal): Promise<void> {
  if (principal.via !== "session") throw sessionRequired();
  const { rows } = await db.pool.query<{ recent: boolean | null }>(
    `SELECT password_checked_at > now() - make_interval(mins => $2) AS recent FROM sessions WHERE id = $1`,
    [principal.sessionId, RECENT_PASSWORD_MINUTES],
  );
  if (!rows[0]?.recent)
    throw new HttpError(
      403,
      "password_check_required",
      `Enter your password again to create an API key (POST /api/v1/auth/confirm-password): the session's last password check is over ${RECENT_PASSWORD_MINUTES} minutes old`,
    );
}

export function toApiKeyDto(key: ApiKey): TApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(
  db: Db,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<{ apiKey: ApiKey; token: string }> {
  const { token, prefix } = newApiKeyToken();
  const apiKey = await db.prisma.apiKey.create({
    data: {
      userId,
      name: input.name,
      prefix,
      keyHash: hashToken(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
  });
  return { apiKey, token };
}

/** POST /api-keys: for the signed-in person only (see assertRecentPassword), audited. */
export async function mintApiKey(
  db: Db,
  request: FastifyRequest,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<{ apiKey: TApiKey; token: string }> {
  await assertRecentPassword(db, request.principal!);
  const { apiKey, token } = await createApiKey(db, request.principal!.user.id, input);
  await audit(db.prisma, request, {
    action: "api_key.create",
    targetType: "api_key",
    targetId: apiKey.id,
    data: { name: apiKey.name, prefix: apiKey.prefix },
  });
  return { apiKey: toApiKeyDto(apiKey), token };
}

export async function listApiKeys(db: Db, userId: string): Promise<TApiKey[]> {
  const keys = await db.prisma.apiKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return keys.map(toApiKeyDto);
}

/** Revokes the caller's own key (admins: anyone's); others' keys are "not found". Idempotent. */
export async function revokeApiKey(db: Db, request: FastifyRequest, id: string): Promise<void> {
  const { user } = request.principal!;
  const key = await db.prisma.apiKey.findUnique({ where: { id } });
  if (!key || (key.userId !== user.id && user.role !== "ADMIN")) throw notFound("API key");
  if (!key.revokedAt) {
    await db.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await audit(db.prisma, request, { action: "api_key.revoke", targetType: "api_key", targetId: key.id });
  }
}
