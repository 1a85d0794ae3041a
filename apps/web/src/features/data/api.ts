import type { TGoldInput } from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";
import { filtersToApi, type ItemFilters } from "./filters";

const item = (id: string, itemId: string) => ({ params: { path: { id, itemId } } });

export const listItems = (projectId: string, filters: ItemFilters, cursor?: string, limit = 25) =>
  call(
    browserApi.GET("/api/v1/projects/{id}/items", {
      params: { path: { id: projectId }, query: { ...filtersToApi(filters), cursor, limit } },
    }),
  );
export const getItem = (projectId: string, itemId: string) =>
  call(browserApi.GET("/api/v1/projects/{id}/items/{itemId}", item(projectId, itemId)));
export const markGold = (projectId: string, itemId: string, gold: TGoldInput) =>
  call(
    browserApi.PUT("/api/v1/projects/{id}/items/{itemId}/gold", { ...item(projectId, itemId), body: gold }),
  );
export const clearGold = (projectId: string, itemId: string) =>
  call(browserApi.DELETE("/api/v1/projects/{id}/items/{itemId}/gold", item(projectId, itemId)));
export const retireItem = (projectId: string, itemId: string) =>
  call(browserApi.POST("/api/v1/projects/{id}/items/{itemId}/retire", item(projectId, itemId)));
export const reopenItem = (projectId: string, itemId: string, moreJudgments: number) =>
  call(
    browserApi.POST("/api/v1/projects/{id}/items/{itemId}/reopen", {
      ...item(projectId, itemId),
      body: { moreJudgments },
    }),
  );

export type JudgmentSearch = { q?: string; flag?: string; hasRationale?: "true" | "false" };
export const searchJudgments = (projectId: string, s: JudgmentSearch, cursor?: string, limit = 25) =>
  call(
    browserApi.GET("/api/v1/projects/{id}/judgments", {
      params: { path: { id: projectId }, query: { ...s, cursor, limit } },
    }),
  );
