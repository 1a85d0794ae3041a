import type { TCreateWebhookBody } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";

// A project's endpoints and the global ones (`projectId` null) answer in the same shapes; each
// call names both routes so that the compiler checks either.
const hook = (id: string, webhookId: string) => ({ params: { path: { id, webhookId } } });
const globalHook = (webhookId: string) => ({ params: { path: { webhookId } } });

export const listWebhooks = (projectId: string | null) =>
  call(
    projectId
      ? browserApi.GET("/api/v1/projects/{id}/webhooks", { params: { path: { id: projectId } } })
      : browserApi.GET("/api/v1/webhooks"),
  );

export const createWebhook = (projectId: string | null, body: TCreateWebhookBody) =>
  call(
    projectId
      ? browserApi.POST("/api/v1/projects/{id}/webhooks", { params: { path: { id: projectId } }, body })
      : browserApi.POST("/api/v1/webhooks", { body }),
  );

export const setWebhookActive = (projectId: string | null, id: string, active: boolean) =>
  call(
    projectId
      ? browserApi.PATCH("/api/v1/projects/{id}/webhooks/{webhookId}", {
          ...hook(projectId, id),
          body: { active },
        })
      : browserApi.PATCH("/api/v1/webhooks/{webhookId}", { ...globalHook(id), body: { active } }),
  );

export const deleteWebhook = (projectId: string | null, id: string) =>
  call(
    projectId
      ? browserApi.DELETE("/api/v1/projects/{id}/webhooks/{webhookId}", hook(projectId, id))
      : browserApi.DELETE("/api/v1/webhooks/{webhookId}", globalHook(id)),
  );

export const rotateWebhookSecret = (projectId: string | null, id: string) =>
  call(
    projectId
      ? browserApi.POST("/api/v1/projects/{id}/webhooks/{webhookId}/rotate-secret", hook(projectId, id))
      : browserApi.POST("/api/v1/webhooks/{webhookId}/rotate-secret", globalHook(id)),
  );

export const sendTestEvent = (projectId: string | null, id: string) =>
  call(
    projectId
      ? browserApi.POST("/api/v1/projects/{id}/webhooks/{webhookId}/test", hook(projectId, id))
      : browserApi.POST("/api/v1/webhooks/{webhookId}/test", globalHook(id)),
  );

export const listDeliveries = (projectId: string | null, id: string) =>
  call(
    projectId
      ? browserApi.GET("/api/v1/projects/{id}/webhooks/{webhookId}/deliveries", hook(projectId, id))
      : browserApi.GET("/api/v1/webhooks/{webhookId}/deliveries", globalHook(id)),
  );
