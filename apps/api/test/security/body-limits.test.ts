import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS } from "../support/access-rules";
import { bearer } from "../support/harness";
import { multipartHead, streamBody } from "./support/http-stream";
import { databaseChecksum } from "./support/json-schema";
import {
  BODY_LIMIT,
  createWorld,
  IMPORT_LIMIT,
  type Route,
  realUrl,
  routesFromOpenApi,
  type World,
} from "./support/world";

// JSON routes that take bulk data and so have the larger import limit; every other route
// with a body has the small one. A new bulk route must be added here on purpose.
const IMPORT_ROUTES = new Set(["POST /api/v1/projects/{id}/prompts", "POST /api/v1/projects/{id}/items"]);
const GIB = 1024 ** 3;
// What loopback sockets buffer on both sides, on top of what the server reads.
const SOCKET_SLACK = 16 * 1024 * 1024;

let w: World;
let port: number;
beforeAll(async () => {
  w = await createWorld();
  await w.h.app.listen({ host: "127.0.0.1", port: 0 });
  port = (w.h.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  // Refused uploads leave their sockets paused (nothing more is read from them), so close
  // does not wait for them to time out.
  w?.h.app.server.closeAllConnections();
  await w?.close();
});

/** A JSON object of exactly `bytes` bytes. */
function jsonOfSize(bytes: number): string {
  return `{"pad":"${"x".repeat(bytes - 10)}"}`;
}

function caller(route: Route) {
  const rule = ACCESS[route.key];
  return Array.isArray(rule) && rule.includes("ANNOTATOR") ? w.annotator : w.admin;
}

describe("body size limits, per route", () => {
  const jsonRoutes = () =>
    routesFromOpenApi(w.h).filter((r) => r.method !== "GET" && !r.key.endsWith("/import"));

  it("every route with a body refuses one byte over its limit with 413, and writes nothing", async () => {
    const before = await databaseChecksum(w.h.db);
    const failures: string[] = [];
    for (const route of jsonRoutes()) {
      const limit = IMPORT_ROUTES.has(route.key) ? IMPORT_LIMIT : BODY_LIMIT;
      const res = await w.h.app.inject({
        method: route.method as "POST",
        url: realUrl(w, route),
        headers: {
          ...bearer(caller(route)),
          "content-type": "application/json",
          "idempotency-key": "k-limit",
        },
        payload: jsonOfSize(limit + 1),
      });
      if (res.statusCode !== 413) failures.push(`${route.key}: ${res.statusCode}`);
      else expect(res.json().error.code).toBe("payload_too_large");
    }
    expect(failures).toEqual([]);
    expect(await databaseChecksum(w.h.db)).toEqual(before);
  });

  it("only the bulk routes take a body over the general limit", async () => {
    const roomy: string[] = [];
    for (const route of jsonRoutes()) {
      const res = await w.h.app.inject({
        method: route.method as "POST",
        url: realUrl(w, route),
        headers: {
          ...bearer(caller(route)),
          "content-type": "application/json",
          "idempotency-key": "k-roomy",
        },
        payload: jsonOfSize(BODY_LIMIT * 2),
      });
      if (res.statusCode !== 413) roomy.push(route.key);
    }
    expect(roomy.sort()).toEqual([...IMPORT_ROUTES].sort());
  });

  it("a declared 1 GiB body is refused before any of it is read", async () => {
    const res = await streamBody({
      port,
      path: "/api/v1/pools",
      headers: { ...bearer(w.admin), "content-type": "application/json", "content-length": String(GIB) },
      total: GIB,
      chunk: Buffer.alloc(64 * 1024, 0x20),
    });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(SOCKET_SLACK);
  });

  for (const [name, route, limit] of [
    ["a general route", "/api/v1/pools", BODY_LIMIT],
    ["a bulk JSON route", "/api/v1/projects/{id}/prompts", IMPORT_LIMIT],
  ] as const) {
    it(`a chunked stream that would be 1 GiB, on ${name}: 413 once the limit is read, and no more is read`, async () => {
      const res = await streamBody({
        port,
        path: route.replace("{id}", w.projectId),
        headers: { ...bearer(w.admin), "content-type": "application/json", "transfer-encoding": "chunked" },
        total: GIB,
        head: '{"prompts":[',
        chunk: Buffer.from(`{"text":"${"y".repeat(1000)}"},`.repeat(64)),
      });
      expect(res.status).toBe(413);
      expect(res.written).toBeGreaterThan(limit);
      expect(res.written).toBeLessThan(limit + SOCKET_SLACK);
    });
  }

  for (const [file, head, line] of [
    ["huge.jsonl", "", `{"text":"${"y".repeat(1000)}"}\n`],
    ["huge.csv", "text\n", `${"y".repeat(1000)}\n`],
  ] as const) {
    it(`an upload streamed as a 1 GiB ${file}: 413 at the import limit, nothing written, the API still serves`, async () => {
      const before = await databaseChecksum(w.h.db);
      const res = await streamBody({
        port,
        path: `/api/v1/projects/${w.projectId}/prompts/import`,
        headers: {
          ...bearer(w.admin),
          "content-type": "multipart/form-data; boundary=----arbiter-security-boundary",
          "transfer-encoding": "chunked",
        },
        total: GIB,
        head: multipartHead(file) + head,
        chunk: Buffer.from(line.repeat(64)),
      });
      expect(res.status, res.body).toBe(413);
      expect(res.written).toBeLessThan(IMPORT_LIMIT + SOCKET_SLACK);
      expect(await databaseChecksum(w.h.db)).toEqual(before);
      const ready = await w.h.app.inject({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(200);
    });
  }
});
