import type {
  TCreateWebhookBody,
  TWebhookDeliveriesResponse,
  TWebhookListResponse,
  TWebhookSecretResponse,
} from "@arbiter/shared";
import { api } from "@/lib/api-client";

/** `base` is "/projects/<id>/webhooks" for a project's endpoints, "/webhooks" for global ones. */
export const listWebhooks = (base: string) => api<TWebhookListResponse>(base);

export const createWebhook = (base: string, body: TCreateWebhookBody) =>
  api<TWebhookSecretResponse>(base, { method: "POST", body });

export const setWebhookActive = (base: string, id: string, active: boolean) =>
  api<unknown>(`${base}/${id}`, { method: "PATCH", body: { active } });

export const deleteWebhook = (base: string, id: string) => api<null>(`${base}/${id}`, { method: "DELETE" });

export const rotateWebhookSecret = (base: string, id: string) =>
  api<TWebhookSecretResponse>(`${base}/${id}/rotate-secret`, { method: "POST" });

export const sendTestEvent = (base: string, id: string) =>
  api<{ deliveryId: string }>(`${base}/${id}/test`, { method: "POST" });

export const listDeliveries = (base: string, id: string) =>
  api<TWebhookDeliveriesResponse>(`${base}/${id}/deliveries`);
