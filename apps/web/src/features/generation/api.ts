import type {
  TBuildItemsBody,
  TCreateGeneratorBody,
  TCreateRunBody,
  TImportResponse,
  TUpdateGeneratorBody,
} from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";
import { toApiError } from "@/lib/api-error";

export type ImportKind = "prompts" | "completions";
export type ImportMode = "all-or-nothing" | "partial";
/** Unset: from the file name. "lines": one prompt per line of plain text (pasted prompts). */
export type ImportFormat = "jsonl" | "csv" | "lines";

const project = (id: string) => ({ path: { id } });

export const listGenerators = (projectId: string) =>
  call(browserApi.GET("/api/v1/projects/{id}/generators", { params: project(projectId) }));
export const createGenerator = (projectId: string, body: TCreateGeneratorBody) =>
  call(browserApi.POST("/api/v1/projects/{id}/generators", { params: project(projectId), body }));
export const updateGenerator = (projectId: string, gid: string, body: TUpdateGeneratorBody) =>
  call(
    browserApi.PATCH("/api/v1/projects/{id}/generators/{gid}", {
      params: { path: { id: projectId, gid } },
      body,
    }),
  );
export const deleteGenerator = (projectId: string, gid: string) =>
  call(
    browserApi.DELETE("/api/v1/projects/{id}/generators/{gid}", { params: { path: { id: projectId, gid } } }),
  );
export const testGenerator = (projectId: string, gid: string) =>
  call(
    browserApi.POST("/api/v1/projects/{id}/generators/{gid}/test", {
      params: { path: { id: projectId, gid } },
    }),
  );

export const listRuns = (projectId: string) =>
  call(browserApi.GET("/api/v1/projects/{id}/generation-runs", { params: project(projectId) }));
export const getRun = (projectId: string, rid: string, signal?: AbortSignal) =>
  call(
    browserApi.GET("/api/v1/projects/{id}/generation-runs/{rid}", {
      params: { path: { id: projectId, rid } },
      signal,
    }),
  );
export const startRun = (projectId: string, body: TCreateRunBody) =>
  call(browserApi.POST("/api/v1/projects/{id}/generation-runs", { params: project(projectId), body }));
export const cancelRun = (projectId: string, rid: string) =>
  call(
    browserApi.POST("/api/v1/projects/{id}/generation-runs/{rid}/cancel", {
      params: { path: { id: projectId, rid } },
    }),
  );

export const listPrompts = (projectId: string, cursor?: string, limit = 50) =>
  call(
    browserApi.GET("/api/v1/projects/{id}/prompts", {
      params: { ...project(projectId), query: { limit, cursor } },
    }),
  );
export const listItems = (projectId: string, cursor?: string, limit = 25) =>
  call(
    browserApi.GET("/api/v1/projects/{id}/items", {
      params: { ...project(projectId), query: { limit, cursor } },
    }),
  );
export const getContents = (projectId: string) =>
  call(browserApi.GET("/api/v1/projects/{id}/contents", { params: project(projectId) }));
export const buildItems = (projectId: string, body: TBuildItemsBody) =>
  call(browserApi.POST("/api/v1/projects/{id}/items/build", { params: project(projectId), body }));

/**
 * Uploads a file as multipart (the API streams it, so large files are fine). The one call
 * outside `browserApi`: the route reads the raw stream, so its OpenAPI operation declares no
 * body and the typed client would refuse one. The answer is typed by hand from the shared schema;
 * the browser sets the multipart boundary itself when given FormData.
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
  const res = await fetch(`/api/v1/projects/${encodeURIComponent(projectId)}/${kind}/import?${query}`, {
    method: "POST",
    body: form,
    headers: { accept: "application/json" },
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as TImportResponse;
}
