import type {
  TAddMembersResponse,
  TAuditQuery,
  TAuditResponse,
  TCreateInviteBody,
  TCreateInviteResponse,
  TCreateUserBody,
  TEraseUserBody,
  TEraseUserResponse,
  TInviteListResponse,
  TPoolListResponse,
  TPoolMembersResponse,
  TPoolResponse,
  TUpdateUserBody,
  TUserListResponse,
  TUserResponse,
} from "@arbiter/shared";
import { query } from "@/components/ui";
import { api } from "@/lib/api-client";

export type UserFilter = { role?: string; status?: string; q?: string; cursor?: string };

export const listUsers = (f: UserFilter, limit = 50) =>
  api<TUserListResponse>(`/users${query({ ...f, limit })}`);
export const createUser = (body: TCreateUserBody) => api<TUserResponse>("/users", { method: "POST", body });
export const updateUser = (id: string, body: TUpdateUserBody) =>
  api<TUserResponse>(`/users/${id}`, { method: "PATCH", body });
export const eraseUser = (id: string, body: TEraseUserBody) =>
  api<TEraseUserResponse>(`/users/${id}/erase`, { method: "POST", body });

export const listPools = () => api<TPoolListResponse>("/pools");
export const createPool = (name: string) => api<TPoolResponse>("/pools", { method: "POST", body: { name } });
export const renamePool = (id: string, name: string) =>
  api<TPoolResponse>(`/pools/${id}`, { method: "PATCH", body: { name } });
export const getPool = (id: string) => api<TPoolMembersResponse>(`/pools/${id}`);
export const addMembers = (id: string, userIds: string[]) =>
  api<TAddMembersResponse>(`/pools/${id}/members`, { method: "POST", body: { userIds } });
export const removeMember = (id: string, userId: string) =>
  api<null>(`/pools/${id}/members/${userId}`, { method: "DELETE" });

export const listInvites = (poolId: string) => api<TInviteListResponse>(`/pools/${poolId}/invites`);
export const createInvite = (poolId: string, body: TCreateInviteBody) =>
  api<TCreateInviteResponse>(`/pools/${poolId}/invites`, { method: "POST", body });
export const revokeInvite = (id: string) => api<null>(`/invites/${id}`, { method: "DELETE" });

export type AuditFilter = Partial<Pick<TAuditQuery, "action" | "actorId" | "targetType" | "from" | "to">>;
export const listAudit = (f: AuditFilter, cursor?: string, limit = 50) =>
  api<TAuditResponse>(`/audit${query({ ...f, cursor, limit })}`);
