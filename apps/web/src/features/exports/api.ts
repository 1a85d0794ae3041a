import type {
  TExportListResponse,
  TExportPreviewResponse,
  TExportRequestInput,
  TExportResponse,
} from "@arbiter/shared";
import { api } from "@/lib/api-client";

export const previewExport = (projectId: string, body: TExportRequestInput, signal?: AbortSignal) =>
  api<TExportPreviewResponse>(`/projects/${projectId}/exports/preview`, {
    method: "POST",
    body,
    signal,
  });

export const createExport = (projectId: string, body: TExportRequestInput) =>
  api<TExportResponse>(`/projects/${projectId}/exports`, { method: "POST", body });

export const fetchExport = (id: string) => api<TExportResponse>(`/exports/${id}`);

export const fetchExports = (projectId: string) =>
  api<TExportListResponse>(`/projects/${projectId}/exports?limit=20`);

/** Same-origin, so the browser's session cookie goes along; the API streams the file. */
export const fileUrl = (exportId: string, name: string) =>
  `/api/v1/exports/${encodeURIComponent(exportId)}/files/${encodeURIComponent(name)}`;
