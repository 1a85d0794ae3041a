import { z } from "zod";
import { zName } from "./common";

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZCreateApiKeyBody = z.strictObject({
  name: zName,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ZCreateApiKeyResponse = z.object({
  apiKey: ZApiKey,
  // Shown once; only its hash is stored.
  token: z.string(),
});
export const ZApiKeyListResponse = z.object({ apiKeys: z.array(ZApiKey) });
export type TCreateApiKeyResponse = z.infer<typeof ZCreateApiKeyResponse>;
export type TApiKeyListResponse = z.infer<typeof ZApiKeyListResponse>;
