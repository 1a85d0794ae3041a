import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, PUBLIC } from "../support/access-rules";
import { createWorld, type Principal, type Route, routesFromOpenApi, type World } from "./support/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

/** What a principal must get from a route, as a rule that names the status or the class of status. */
function expected(route: Route, p: Principal): "401" | "403" | "allowed" | "a rule" {
  const rule = ACCESS[route.key];
  if (rule === PUBLIC) return "allowed";
  if (!rule) return "a rule";
  if (p.role === null) return "401";
  return rule.includes(p.role) ? "allowed" : "403";
}

function matches(want: ReturnType<typeof expected>, status: number): boolean {
  if (want === "allowed") return status !== 401 && status !== 403 && status < 500;
  return String(status) === want;
}

describe("access matrix: every route in the OpenAPI document x every kind of caller", () => {
  it("has a rule for every route, and no rule for a route that is gone", () => {
    const keys = routesFromOpenApi(w.h).map((r) => r.key);
    expect(keys.filter((k) => !(k in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("answers each caller as its rule says: 401 without valid credentials, 403 for the wrong role", async () => {
    // Signing out ends the sessions the other rows use, so it goes last.
    const routes = routesFromOpenApi(w.h).sort(
      (a, b) => Number(a.key.endsWith("/logout")) - Number(b.key.endsWith("/logout")),
    );
    // Unknown ids and an empty body: enough to reach the access checks, not enough to change anything.
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const url = route.path.replace(/\{[^}]+\}/g, () => randomUUID());
      for (const p of w.principals) {
        const res = await w.h.app.inject({
          method: route.method as "GET",
          url,
          headers: {
            ...p.headers,
            ...(route.headers.includes("idempotency-key") ? { "idempotency-key": randomUUID() } : {}),
          },
          ...(route.body ? { payload: {} } : {}),
        });
        const want = expected(route, p);
        checked += 1;
        if (!matches(want, res.statusCode))
          failures.push(`${route.key} as ${p.name}: ${res.statusCode}, want ${want}`);
        if (want === "401") expect(res.json().error.code).toBe("unauthenticated");
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * w.principals.length);
  });

  it("refuses a cookie-authenticated write from another site even for an admin", async () => {
    const admin = await w.h.user("ADMIN");
    const res = await w.h.app.inject({
      method: "POST",
      url: "/api/v1/pools",
      headers: { cookie: admin.cookie, origin: "https://evil.example", host: "localhost:3000" },
      payload: { name: "planted" },
    });
    expect(res.statusCode).toBe(403);
    expect(await w.h.db.prisma.pool.count({ where: { name: "planted" } })).toBe(0);
  });
});
