import type {
  TCreateProjectBody,
  TDuplicateProjectBody,
  TPoolListResponse,
  TProjectResponse,
  TUpdateProjectBody,
} from "@arbiter/shared";
import { api } from "@/lib/api-client";

export const createProject = (body: TCreateProjectBody) =>
  api<TProjectResponse>("/projects", { method: "POST", body });
export const updateProject = (id: string, body: TUpdateProjectBody) =>
  api<TProjectResponse>(`/projects/${id}`, { method: "PATCH", body });
export const duplicateProject = (id: string, body: TDuplicateProjectBody) =>
  api<TProjectResponse>(`/projects/${id}/duplicate`, { method: "POST", body });
/** Admins: every pool; researchers: the pools an admin allowed them to attach. */
export const listAttachablePools = () => api<TPoolListResponse>("/pools");
