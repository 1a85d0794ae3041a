import type { TProjectResponse, TQualityResponse, TUpdateProjectBody } from "@arbiter/shared";
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

export const updateProject = (projectId: string, body: TUpdateProjectBody) =>
  api<TProjectResponse>(`/projects/${projectId}`, { method: "PATCH", body });
