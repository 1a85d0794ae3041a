import type { TUpdateProjectBody } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";

export const fetchQuality = (projectId: string) =>
  call(browserApi.GET("/api/v1/projects/{id}/quality", { params: { path: { id: projectId } } }));

export const setAnnotatorStatus = (
  projectId: string,
  userId: string,
  status: "ADMITTED" | "QUARANTINED",
  reason?: string,
) =>
  call(
    browserApi.PUT("/api/v1/projects/{id}/annotators/{userId}/status", {
      params: { path: { id: projectId, userId } },
      body: { status, ...(reason ? { reason } : {}) },
    }),
  );

/** Admins only: suspension is account-wide, so it goes through the user, not the project. */
export const suspendUser = (userId: string) =>
  call(
    browserApi.PATCH("/api/v1/users/{id}", {
      params: { path: { id: userId } },
      body: { status: "SUSPENDED" },
    }),
  );

export const updateProject = (projectId: string, body: TUpdateProjectBody) =>
  call(browserApi.PATCH("/api/v1/projects/{id}", { params: { path: { id: projectId } }, body }));
