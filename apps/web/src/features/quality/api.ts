import type { TProjectResponse, TQualityResponse, TUpdateProjectBody, TUserResponse } from "@arbiter/shared";
import { api } from "@/lib/api-client";

export const fetchQuality = (projectId: string) => api<TQualityResponse>(`/projects/${projectId}/quality`);

export const setAnnotatorStatus = (
  projectId: string,
  userId: string,
  status: "ADMITTED" | "QUARANTINED",
  reason?: string,
) =>
  api<null>(`/projects/${projectId}/annotators/${userId}/status`, {
    method: "PUT",
    body: { status, ...(reason ? { reason } : {}) },
  });

/** Admins only: suspension is account-wide, so it goes through the user, not the project. */
export const suspendUser = (userId: string) =>
  api<TUserResponse>(`/users/${userId}`, { method: "PATCH", body: { status: "SUSPENDED" } });

export const updateProject = (projectId: string, body: TUpdateProjectBody) =>
  api<TProjectResponse>(`/projects/${projectId}`, { method: "PATCH", body });
