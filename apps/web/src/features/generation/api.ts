import type {
  TBuildItemsBody,
  TBuildItemsResponse,
  TContentSummaryResponse,
  TCreateGeneratorBody,
  TCreateRunBody,
  TGeneratorListResponse,
  TGeneratorResponse,
  TGeneratorTestResponse,
  TImportResponse,
  TItemListResponse,
  TPromptListResponse,
  TRunListResponse,
  TRunResponse,
  TUpdateGeneratorBody,
} from "@arbiter/shared";
import { api } from "@/lib/api-client";
import { toApiError } from "@/lib/api-error";

export type ImportKind = "prompts" | "completions";
export type ImportMode = "all-or-nothing" | "partial";
/** Unset: from the file name. "lines": one prompt per line of plain text (pasted prompts). */
export type ImportFormat = "jsonl" | "csv" | "lines";

const base = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

export const listGenerators = (projectId: string) =>
  api<TGeneratorListResponse>(`${base(projectId)}/generators`);
export const createGenerator = (projectId: string, body: TCreateGeneratorBody) =>
  api<TGeneratorResponse>(`${base(projectId)}/generators`, { method: "POST", body });
export const updateGenerator = (projectId: string, id: string, body: TUpdateGeneratorBody) =>
  api<TGeneratorResponse>(`${base(projectId)}/generators/${id}`, { method: "PATCH", body });
export const deleteGenerator = (projectId: string, id: string) =>
  api<null>(`${base(projectId)}/generators/${id}`, { method: "DELETE" });
export const testGenerator = (projectId: string, id: string) =>
  api<TGeneratorTestResponse>(`${base(projectId)}/generators/${id}/test`, { method: "POST" });

export const listRuns = (projectId: string) => api<TRunListResponse>(`${base(projectId)}/generation-runs`);
export const getRun = (projectId: string, runId: string, signal?: AbortSignal) =>
  api<TRunResponse>(`${base(projectId)}/generation-runs/${runId}`, { signal });
export const startRun = (projectId: string, body: TCreateRunBody) =>
  api<TRunResponse>(`${base(projectId)}/generation-runs`, { method: "POST", body });
export const cancelRun = (projectId: string, runId: string) =>
  api<TRunResponse>(`${base(projectId)}/generation-runs/${runId}/cancel`, { method: "POST" });

export const listPrompts = (projectId: string, cursor?: string, limit = 50) =>
  api<TPromptListResponse>(`${base(projectId)}/prompts?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
export const listItems = (projectId: string, cursor?: string, limit = 25) =>
  api<TItemListResponse>(`${base(projectId)}/items?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
export const getContents = (projectId: string) => api<TContentSummaryResponse>(`${base(projectId)}/contents`);
export const buildItems = (projectId: string, body: TBuildItemsBody) =>
  api<TBuildItemsResponse>(`${base(projectId)}/items/build`, { method: "POST", body });

/**
 * Uploads a file as multipart (the API streams it, so large files are fine). `api()` sends
 * JSON only; the browser sets the multipart boundary itself when given FormData.
 */
export async function uploadImport(
  projectId: string,
  kind: ImportKind,
  file: File,
  opts: { dryRun: boolean; mode: ImportMode; format?: ImportFormat },
): Promise<TImportResponse> {
  const form = new FormData();
  form.append("file", file, file.name);
  const query = `dryRun=${opts.dryRun}&mode=${opts.mode}${opts.format ? `&format=${opts.format}` : ""}`;
  const res = await fetch(`/api/v1${base(projectId)}/${kind}/import?${query}`, {
    method: "POST",
    body: form,
    headers: { accept: "application/json" },
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as TImportResponse;
}
