import type {
  TAuditQuery,
  TCreateInviteBody,
  TCreateUserBody,
  TInvite,
  TUpdateUserBody,
  TUser,
  ZAuditEvent,
  ZCreateInviteResponse,
  ZPool,
  ZPoolMember,
} from "@arbiter/shared";
import type { z } from "zod";
import { api } from "@/lib/api-client";
import { query } from "./query-string";

export type TPool = z.infer<typeof ZPool>;
export type TPoolMember = z.infer<typeof ZPoolMember>;
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export type TCreatedInvite = z.infer<typeof ZCreateInviteResponse>;

export type UserFilter = { role?: string; status?: string; q?: string; cursor?: string };
type Page<K extends string, T> = { [key in K]: T[] } & { nextCursor: string | null };

export const listUsers = (f: UserFilter, limit = 50) =>
  api<Page<"users", TUser>>(`/users${query({ ...f, limit })}`);
export const createUser = (body: TCreateUserBody) => api<{ user: TUser }>("/users", { method: "POST", body });
export const updateUser = (id: string, body: TUpdateUserBody) =>
  api<{ user: TUser }>(`/users/${id}`, { method: "PATCH", body });

export const listPools = () => api<{ pools: TPool[] }>("/pools");
export const createPool = (name: string) =>
  api<{ pool: TPool }>("/pools", { method: "POST", body: { name } });
export const renamePool = (id: string, name: string) =>
  api<{ pool: TPool }>(`/pools/${id}`, { method: "PATCH", body: { name } });
export const getPool = (id: string) => api<{ pool: TPool; members: TPoolMember[] }>(`/pools/${id}`);
export const addMembers = (id: string, userIds: string[]) =>
  api<{ pool: TPool; added: number }>(`/pools/${id}/members`, { method: "POST", body: { userIds } });
export const removeMember = (id: string, userId: string) =>
  api<null>(`/pools/${id}/members/${userId}`, { method: "DELETE" });

export const listInvites = (poolId: string) => api<{ invites: TInvite[] }>(`/pools/${poolId}/invites`);
export const createInvite = (poolId: string, body: TCreateInviteBody) =>
  api<TCreatedInvite>(`/pools/${poolId}/invites`, { method: "POST", body });
export const revokeInvite = (id: string) => api<null>(`/invites/${id}`, { method: "DELETE" });

export type AuditFilter = Partial<Pick<TAuditQuery, "action" | "actorId" | "targetType" | "from" | "to">>;
export const listAudit = (f: AuditFilter, cursor?: string, limit = 50) =>
  api<Page<"events", TAuditEvent>>(`/audit${query({ ...f, cursor, limit })}`);
