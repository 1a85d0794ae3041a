import { randomUUID } from "node:crypto";
import type { TRole } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, ANY, PUBLIC } from "./support/access-rules";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

// A new route gets its rule in ./support/access-rules.ts (the security suite reads it too).

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
