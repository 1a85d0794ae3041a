import type { TExport, TExportPreview, TExportRequestInput } from "@arbiter/shared";
import { api } from "@/lib/api-client";

export const previewExport = (projectId: string, body: TExportRequestInput, signal?: AbortSignal) =>
  api<{ preview: TExportPreview }>(`/projects/${projectId}/exports/preview`, {
    method: "POST",
    body,
    signal,
  });

export const createExport = (projectId: string, body: TExportRequestInput) =>
  api<{ export: TExport }>(`/projects/${projectId}/exports`, { method: "POST", body });

export const fetchExport = (id: string) => api<{ export: TExport }>(`/exports/${id}`);

export const fetchExports = (projectId: string) =>
  api<{ exports: TExport[]; nextCursor: string | null }>(`/projects/${projectId}/exports?limit=20`);

/** Same-origin, so the browser's session cookie goes along; the API streams the file. */
export const fileUrl = (exportId: string, name: string) =>
  `/api/v1/exports/${encodeURIComponent(exportId)}/files/${encodeURIComponent(name)}`;
