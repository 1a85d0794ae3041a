import type { TCreateProjectBody, TDuplicateProjectBody, TUpdateProjectBody } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";

export const createProject = (body: TCreateProjectBody) =>
  call(browserApi.POST("/api/v1/projects", { body }));
export const updateProject = (id: string, body: TUpdateProjectBody) =>
  call(browserApi.PATCH("/api/v1/projects/{id}", { params: { path: { id } }, body }));
export const duplicateProject = (id: string, body: TDuplicateProjectBody) =>
  call(browserApi.POST("/api/v1/projects/{id}/duplicate", { params: { path: { id } }, body }));
/** Admins: every pool; researchers: the pools an admin allowed them to attach. */
export const listAttachablePools = () => call(browserApi.GET("/api/v1/pools"));
