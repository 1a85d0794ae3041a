import type { TExportRequestInput } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";

export const previewExport = (projectId: string, body: TExportRequestInput, signal?: AbortSignal) =>
  call(
    browserApi.POST("/api/v1/projects/{id}/exports/preview", {
      params: { path: { id: projectId } },
      body,
      signal,
    }),
  );

export const createExport = (projectId: string, body: TExportRequestInput) =>
  call(browserApi.POST("/api/v1/projects/{id}/exports", { params: { path: { id: projectId } }, body }));

export const fetchExport = (id: string) =>
  call(browserApi.GET("/api/v1/exports/{id}", { params: { path: { id } } }));

export const fetchExports = (projectId: string) =>
  call(
    browserApi.GET("/api/v1/projects/{id}/exports", {
      params: { path: { id: projectId }, query: { limit: 20 } },
    }),
  );

/**
 * A link, not a call: the browser downloads the file itself (same-origin, so the session
 * cookie goes along) while the API streams it.
 */
export const fileUrl = (exportId: string, name: string) =>
  `/api/v1/exports/${encodeURIComponent(exportId)}/files/${encodeURIComponent(name)}`;
