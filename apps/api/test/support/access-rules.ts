import type { TRole } from "@arbiter/shared";

// Who may call each route. A route missing here fails access.test.ts and the security matrix:
// access is decided, not defaulted. Kept outside any test file so that both suites import it.
export const PUBLIC = "public" as const;
export const ANY: TRole[] = ["ADMIN", "RESEARCHER", "ANNOTATOR"];
export const STAFF: TRole[] = ["ADMIN", "RESEARCHER"];
export const ADMIN: TRole[] = ["ADMIN"];
export const ACCESS: Record<string, TRole[] | typeof PUBLIC> = {
  "POST /api/v1/auth/login": PUBLIC,
  "POST /api/v1/auth/logout": ANY,
  "GET /api/v1/me": ANY,
  "POST /api/v1/api-keys": STAFF,
  "GET /api/v1/api-keys": STAFF,
  "DELETE /api/v1/api-keys/{id}": STAFF,
  "POST /api/v1/users": ADMIN,
  "GET /api/v1/users": ADMIN,
  "GET /api/v1/users/{id}": ADMIN,
  "PATCH /api/v1/users/{id}": ADMIN,
  "POST /api/v1/pools": ADMIN,
  "POST /api/v1/pools/{id}/members": ADMIN,
  "POST /api/v1/projects": STAFF,
  "GET /api/v1/projects": STAFF,
  "GET /api/v1/projects/{id}": STAFF,
  "PATCH /api/v1/projects/{id}": STAFF,
  "POST /api/v1/projects/{id}/prompts": STAFF,
  "POST /api/v1/projects/{id}/items": STAFF,
  "GET /api/v1/me/projects": ANY,
  "GET /api/v1/me/progress": ANY,
  "POST /api/v1/projects/{id}/assignments": ANY,
  "POST /api/v1/assignments/{id}/judgment": ANY,
  "POST /api/v1/assignments/{id}/skip": ANY,
  "POST /api/v1/judgments/{id}/undo": ANY,
  "POST /api/v1/projects/{id}/exports": STAFF,
  "GET /api/v1/projects/{id}/exports": STAFF,
  "GET /api/v1/exports/{id}": STAFF,
  "GET /api/v1/exports/{id}/files/{name}": STAFF,
  "GET /api/v1/projects/{id}/stats": STAFF,
  "GET /api/v1/projects/{id}/quality": STAFF,
  "PUT /api/v1/projects/{id}/annotators/{userId}/status": ADMIN,
  "GET /api/v1/pools": ADMIN,
  "GET /api/v1/pools/{id}": ADMIN,
  "PATCH /api/v1/pools/{id}": ADMIN,
  "DELETE /api/v1/pools/{id}/members/{userId}": ADMIN,
  "POST /api/v1/pools/{id}/invites": ADMIN,
  "GET /api/v1/pools/{id}/invites": ADMIN,
  "DELETE /api/v1/invites/{id}": ADMIN,
  "GET /api/v1/invites/{token}": PUBLIC,
  "POST /api/v1/invites/{token}/accept": PUBLIC,
  "POST /api/v1/join/{slug}": PUBLIC,
  "GET /api/v1/audit": ADMIN,
};
