import type {
  TGoldInput,
  TItemDetailResponse,
  TItemListResponse,
  TJudgmentSearchResponse,
} from "@arbiter/shared";
import { api } from "@/lib/api-client";
import { filtersToApi, type ItemFilters } from "./filters";

const base = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
const item = (projectId: string, itemId: string) => `${base(projectId)}/items/${encodeURIComponent(itemId)}`;

export const listItems = (projectId: string, filters: ItemFilters, cursor?: string, limit = 25) => {
  const extra = filtersToApi(filters);
  return api<TItemListResponse>(
    `${base(projectId)}/items?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}${extra ? `&${extra}` : ""}`,
  );
};
export const getItem = (projectId: string, itemId: string) =>
  api<TItemDetailResponse>(item(projectId, itemId));
export const markGold = (projectId: string, itemId: string, gold: TGoldInput) =>
  api<TItemDetailResponse>(`${item(projectId, itemId)}/gold`, { method: "PUT", body: gold });
export const clearGold = (projectId: string, itemId: string) =>
  api<TItemDetailResponse>(`${item(projectId, itemId)}/gold`, { method: "DELETE" });
export const retireItem = (projectId: string, itemId: string) =>
  api<TItemDetailResponse>(`${item(projectId, itemId)}/retire`, { method: "POST" });
export const reopenItem = (projectId: string, itemId: string, moreJudgments: number) =>
  api<TItemDetailResponse>(`${item(projectId, itemId)}/reopen`, { method: "POST", body: { moreJudgments } });

export type JudgmentSearch = { q?: string; flag?: string; hasRationale?: "true" | "false" };
export const searchJudgments = (projectId: string, s: JudgmentSearch, cursor?: string, limit = 25) => {
  const search = new URLSearchParams({ limit: String(limit) });
  if (cursor) search.set("cursor", cursor);
  for (const [k, v] of Object.entries(s)) if (v) search.set(k, v);
  return api<TJudgmentSearchResponse>(`${base(projectId)}/judgments?${search}`);
};
