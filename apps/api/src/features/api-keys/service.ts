import type { ApiKey } from "@arbiter/db";
import type { TApiKey } from "@arbiter/shared";
import type { FastifyInstance } from "fastify";
import { hashToken, newApiKeyToken } from "../../lib/tokens";

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
  app: FastifyInstance,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<{ apiKey: ApiKey; token: string }> {
  const { token, prefix } = newApiKeyToken();
  const apiKey = await app.db.prisma.apiKey.create({
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
