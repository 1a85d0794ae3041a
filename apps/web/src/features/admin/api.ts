import type {
  TAuditQuery,
  TCreateInviteBody,
  TCreateUserBody,
  TEraseUserBody,
  TRole,
  TUpdateUserBody,
  TUserStatus,
} from "@arbiter/shared";
import { browserApi, call } from "@/lib/api-client";

/** "" is the filter forms' "any": the client leaves it out of the query. */
export type UserFilter = { role?: TRole | ""; status?: TUserStatus | ""; q?: string; cursor?: string };

export const listUsers = (f: UserFilter, limit = 50) =>
  call(
    browserApi.GET("/api/v1/users", {
      params: { query: { ...f, role: f.role || undefined, status: f.status || undefined, limit } },
    }),
  );
export const createUser = (body: TCreateUserBody) => call(browserApi.POST("/api/v1/users", { body }));
export const updateUser = (id: string, body: TUpdateUserBody) =>
  call(browserApi.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body }));
export const eraseUser = (id: string, body: TEraseUserBody) =>
  call(browserApi.POST("/api/v1/users/{id}/erase", { params: { path: { id } }, body }));

export const listPools = () => call(browserApi.GET("/api/v1/pools"));
export const createPool = (name: string) => call(browserApi.POST("/api/v1/pools", { body: { name } }));
export const renamePool = (id: string, name: string) =>
  call(browserApi.PATCH("/api/v1/pools/{id}", { params: { path: { id } }, body: { name } }));
export const getPool = (id: string) =>
  call(browserApi.GET("/api/v1/pools/{id}", { params: { path: { id } } }));
export const addMembers = (id: string, userIds: string[]) =>
  call(browserApi.POST("/api/v1/pools/{id}/members", { params: { path: { id } }, body: { userIds } }));
export const removeMember = (id: string, userId: string) =>
  call(browserApi.DELETE("/api/v1/pools/{id}/members/{userId}", { params: { path: { id, userId } } }));

export const listInvites = (poolId: string) =>
  call(browserApi.GET("/api/v1/pools/{id}/invites", { params: { path: { id: poolId } } }));
export const createInvite = (poolId: string, body: TCreateInviteBody) =>
  call(browserApi.POST("/api/v1/pools/{id}/invites", { params: { path: { id: poolId } }, body }));
export const revokeInvite = (id: string) =>
  call(browserApi.DELETE("/api/v1/invites/{id}", { params: { path: { id } } }));

export type AuditFilter = Partial<Pick<TAuditQuery, "action" | "actorId" | "targetType" | "from" | "to">>;
export const listAudit = (f: AuditFilter, cursor?: string, limit = 50) =>
  call(browserApi.GET("/api/v1/audit", { params: { query: { ...f, cursor, limit } } }));
