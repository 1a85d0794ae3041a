import type { TApiKeyListResponse, TCreateApiKeyResponse } from "@arbiter/shared";
import { api } from "@/lib/api-client";

export const listApiKeys = () => api<TApiKeyListResponse>("/api-keys");

export const createApiKey = (body: { name: string; expiresInDays?: number }) =>
  api<TCreateApiKeyResponse>("/api-keys", { method: "POST", body });

export const revokeApiKey = (id: string) => api<null>(`/api-keys/${id}`, { method: "DELETE" });

/** Records a fresh password check on this browser's session (the API wants one to mint a key). */
export const confirmPassword = (password: string) =>
  api<null>("/auth/confirm-password", { method: "POST", body: { password } });

/** The API's answer when the session's password check is too old to create a key. */
export const PASSWORD_CHECK_REQUIRED = "password_check_required";
