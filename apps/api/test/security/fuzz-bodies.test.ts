import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, PUBLIC } from "../support/access-rules";
import { bearer } from "../support/harness";
import {
  closedObjectPaths,
  databaseChecksum,
  exampleOf,
  type Json,
  leafPaths,
  setAt,
} from "./support/json-schema";
import { BODY_LIMIT, createWorld, type Route, realUrl, routesFromOpenApi, type World } from "./support/world";

// Fixed seed: a failure names its counterexample and reproduces on every machine.
const SEED = 20_240_601;
const RUNS = 25;

let w: World;
let routes: Route[];
beforeAll(async () => {
  w = await createWorld();
  routes = routesFromOpenApi(w.h).filter((r) => r.body);
});
afterAll(async () => w?.close());

/** Strings that have broken parsers, databases and renderers before. */
const nastyString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "\u202Egnp.exe",
    "\u200B\u200C\u200D\uFEFF",
    "مرحبا\u200Fبالعالم",
    "🧑‍🔬".repeat(40),
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
    "\\u0000",
    "{{7*7}}<%= 7*7 %>",
    "\r\n\t\b\f",
    " ",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 64 }),
);
const deepArray = fc
  .integer({ min: 64, max: 1500 })
  .map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`));
const deepObject = fc
  .integer({ min: 64, max: 1500 })
  .map((depth) => JSON.parse(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.5, -1),
  fc.boolean(),
  fc.constant(null),
  nastyString,
  fc.constant("x".repeat(BODY_LIMIT / 2)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) as fc.Arbitrary<Json>,
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) as fc.Arbitrary<Json>,
  deepArray,
  deepObject,
);

/** Who sends the body: a caller the route lets in, so the body gets past authorisation. */
function headersFor(route: Route): Record<string, string> {
  const rule = ACCESS[route.key];
  const user = rule === PUBLIC ? null : rule?.includes("ANNOTATOR") ? w.annotator : w.admin;
  return {
    ...(user ? bearer(user) : {}),
    "content-type": "application/json",
    ...(route.headers.includes("idempotency-key") ? { "idempotency-key": randomUUID() } : {}),
  };
}

/**
 * The property for every request: never a 5xx, and a refusal leaves every table as it was.
 * Accepted bodies (some bends stay valid) move the baseline on.
 */
async function send(route: Route, payload: string, baseline: { sums: Record<string, string> }) {
  const res = await w.h.app.inject({
    method: route.method as "POST",
    url: realUrl(w, route),
    headers: headersFor(route),
    payload,
  });
  const where = `${route.key} <- ${payload.slice(0, 200)}`;
  expect(res.statusCode, `${where}: ${res.body}`).toBeLessThan(500);
  const sums = await databaseChecksum(w.h.db);
  if (res.statusCode >= 400) {
    expect(res.json().error.code, where).toEqual(expect.any(String));
    expect(sums, `${where} was refused (${res.statusCode}) but changed the database`).toEqual(baseline.sums);
  }
  baseline.sums = sums;
  return res;
}

describe("fuzzing every JSON body in the OpenAPI document", () => {
  it("finds bodies to fuzz, including the annotation loop's", () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        "POST /api/v1/assignments/{id}/judgment",
        "POST /api/v1/projects",
        "POST /api/v1/users",
      ]),
    );
  });

  it("one field bent to a wrong type, a huge or deep value: 4xx, never 5xx, nothing written", async () => {
    for (const route of routes) {
      const example = exampleOf(route.body);
      const paths = leafPaths(example);
      const baseline = { sums: await databaseChecksum(w.h.db) };
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), wrongValue, async (path, value) => {
          await send(route, JSON.stringify(setAt(example, path, value)), baseline);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });

  it("unicode edge cases in any string field (NUL, lone surrogates, RTL, zero-width): never 5xx", async () => {
    for (const route of routes) {
      const example = exampleOf(route.body);
      const strings = leafPaths(example).filter((p) => {
        let node: unknown = example;
        for (const k of p) node = (node as Record<string | number, unknown>)[k];
        return typeof node === "string" && !route.body?.properties?.[String(p[0])]?.enum;
      });
      if (!strings.length) continue;
      const baseline = { sums: await databaseChecksum(w.h.db) };
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...strings), nastyString, async (path, value) => {
          await send(route, JSON.stringify(setAt(example, path, value)), baseline);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });

  it("nesting deeper than any field needs, in every field: 400 naming the field, nothing written", async () => {
    const deep = JSON.parse(`${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`);
    for (const route of routes) {
      const example = exampleOf(route.body);
      const baseline = { sums: await databaseChecksum(w.h.db) };
      for (const path of leafPaths(example)) {
        const res = await send(route, JSON.stringify(setAt(example, path, deep)), baseline);
        expect(res.statusCode, `${route.key} at ${path.join(".")}`).toBe(400);
      }
    }
  });

  it("an unknown field in any object of any body is a 400 naming it, nothing written", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const example = exampleOf(route.body);
      const baseline = { sums: await databaseChecksum(w.h.db) };
      for (const path of closedObjectPaths(route.body, example)) {
        const res = await send(
          route,
          JSON.stringify(setAt(example, [...path, "unexpectedField"], 1)),
          baseline,
        );
        const where = ["body", ...path, "unexpectedField"].join(".");
        const named =
          res.statusCode === 400 && res.json().error.details?.some((d: { path: string }) => d.path === where);
        if (!named) failures.push(`${route.key} ${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a NUL or an unpaired surrogate is refused with the path of its field", async () => {
    for (const [value, path] of [
      [{ name: "a\u0000b" }, "body.name"],
      [{ name: "ok", "x\ud800": 1 }, "body.x?"],
      [{ name: "\udc00" }, "body.name"],
    ] as const) {
      const res = await w.h.app.inject({
        method: "POST",
        url: "/api/v1/pools",
        headers: { ...bearer(w.admin), "content-type": "application/json" },
        payload: JSON.stringify(value),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe(path);
    }
  });

  it("whole bodies that are not objects, or not JSON at all: 400", async () => {
    const bodies = ["null", "[]", "1", '"x"', "true", "{", '{"a":1,}', "\u0000", "{}".repeat(10), "NaN"];
    for (const route of routes) {
      const baseline = { sums: await databaseChecksum(w.h.db) };
      for (const body of bodies) {
        const res = await send(route, body, baseline);
        expect([400, 404, 422], `${route.key} <- ${body}`).toContain(res.statusCode);
      }
    }
  });

  it("prototype-pollution keys are refused and pollute nothing", async () => {
    const polluters = [
      (b: string) => `{"__proto__":{"role":"ADMIN","polluted":true},${b.slice(1)}`,
      (b: string) => `{"constructor":{"prototype":{"polluted":true}},${b.slice(1)}`,
      (b: string) => `{"a":{"__proto__":{"polluted":true}},${b.slice(1)}`,
    ];
    for (const route of routes) {
      const example = JSON.stringify(exampleOf(route.body));
      if (example === "{}") continue;
      const baseline = { sums: await databaseChecksum(w.h.db) };
      for (const pollute of polluters) {
        const res = await send(route, pollute(example), baseline);
        expect(res.statusCode, `${route.key}: ${res.body}`).toBe(400);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
