import { randomUUID } from "node:crypto";
import type { TRole } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

// Who may call each route. A route missing here fails the test: access is decided, not defaulted.
const PUBLIC = "public" as const;
const ANY: TRole[] = ["ADMIN", "RESEARCHER", "ANNOTATOR"];
const STAFF: TRole[] = ["ADMIN", "RESEARCHER"];
const ADMIN: TRole[] = ["ADMIN"];
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

let h: Harness;
const users = {} as Record<TRole, TestUser>;
beforeAll(async () => {
  h = await createHarness();
  for (const role of ANY) users[role] = await h.user(role);
});
afterAll(async () => h?.close());

function routesFromOpenApi(): string[] {
  const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe("access by role", () => {
  it("every route in the OpenAPI document has an access rule", () => {
    const missing = routesFromOpenApi().filter((r) => !(r in ACCESS));
    expect(missing).toEqual([]);
  });

  it("each role is let in exactly where its rule says", async () => {
    const failures: string[] = [];
    for (const route of routesFromOpenApi()) {
      const rule = ACCESS[route];
      if (!rule || rule === PUBLIC) continue;
      const [method, path] = route.split(" ") as [string, string];
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      const anonymous = await h.app.inject({
        method: method as "GET",
        url,
        payload: method === "GET" ? undefined : {},
      });
      if (anonymous.statusCode !== 401) failures.push(`${route} anonymous -> ${anonymous.statusCode}`);
      for (const role of ANY) {
        const res = await h.app.inject({
          method: method as "GET",
          url,
          headers: bearer(users[role]),
          payload: method === "GET" || method === "DELETE" ? undefined : {},
        });
        const allowed = rule.includes(role);
        if (allowed && (res.statusCode === 401 || res.statusCode === 403))
          failures.push(`${route} ${role} denied`);
        if (!allowed && res.statusCode !== 403)
          failures.push(`${route} ${role} -> ${res.statusCode}, want 403`);
      }
    }
    expect(failures).toEqual([]);
  });
});
