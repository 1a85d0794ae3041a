import { browserApi, call } from "@/lib/api-client";

export const listApiKeys = () => call(browserApi.GET("/api/v1/api-keys"));

export const createApiKey = (body: { name: string; expiresInDays?: number }) =>
  call(browserApi.POST("/api/v1/api-keys", { body }));

export const revokeApiKey = (id: string) =>
  call(browserApi.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } }));

/** Records a fresh password check on this browser's session (the API wants one to mint a key). */
export const confirmPassword = (password: string) =>
  call(browserApi.POST("/api/v1/auth/confirm-password", { body: { password } }));

/** The API's answer when the session's password check is too old to create a key. */
export const PASSWORD_CHECK_REQUIRED = "password_check_required";
