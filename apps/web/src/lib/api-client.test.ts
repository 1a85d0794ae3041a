import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { browserApi, call } from "./api-client";
import { ApiError } from "./api-error";

// A small real server stands in for the same-origin proxy: the browser's relative URLs need an
// origin, which each call gets through openapi-fetch's per-request baseUrl.
let server: Server;
let origin: string;
let seen: IncomingMessage | undefined;
const answers = new Map<string, { status: number; body?: unknown }>();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen = req;
    const answer = answers.get(new URL(req.url ?? "/", "http://x").pathname) ?? { status: 404 };
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const assigned: string[] = [];
afterEach(() => {
  answers.clear();
  assigned.length = 0;
  Reflect.deleteProperty(globalThis, "window");
});
function inBrowserAt(pathname: string) {
  Object.assign(globalThis, {
    window: {
      location: { href: `${origin}${pathname}`, pathname, assign: (to: string) => assigned.push(to) },
    },
  });
}

describe("call() through the browser's typed client", () => {
  it("gives the answer's data and leaves unset or empty query filters out", async () => {
    answers.set("/api/v1/users", { status: 200, body: { users: [], nextCursor: null } });
    const page = await call(
      browserApi.GET("/api/v1/users", {
        baseUrl: origin,
        params: { query: { q: "", limit: 5, cursor: undefined } },
      }),
    );
    expect(page).toEqual({ users: [], nextCursor: null });
    expect(seen?.url).toBe("/api/v1/users?limit=5");
    expect(seen?.headers.accept).toBe("application/json");
  });

  it("turns the API's error body into an ApiError with its code and field details", async () => {
    const details = [{ path: "body.name", message: "is required" }];
    answers.set("/api/v1/pools", {
      status: 400,
      body: { error: { code: "validation_error", message: "bad", details } },
    });
    const err = await call(browserApi.POST("/api/v1/pools", { baseUrl: origin, body: { name: "" } })).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: "validation_error", message: "bad", details });
  });

  it("gives undefined for a 204", async () => {
    answers.set("/api/v1/invites/i1", { status: 204 });
    const done = await call(
      browserApi.DELETE("/api/v1/invites/{id}", { baseUrl: origin, params: { path: { id: "i1" } } }),
    );
    expect(done).toBeUndefined();
  });

  it("sends the browser to sign in when the session has ended", async () => {
    inBrowserAt("/projects/p1");
    answers.set("/api/v1/me/progress", {
      status: 401,
      body: { error: { code: "unauthenticated", message: "x" } },
    });
    const err = await call(
      browserApi.GET("/api/v1/me/progress", { baseUrl: origin, params: { query: { projectId: "p1" } } }),
    ).catch((e) => e);
    expect(err).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(assigned).toEqual(["/sign-in?next=%2Fprojects%2Fp1"]);
  });

  it("leaves a 401 from /auth/ (a wrong password) to the form", async () => {
    inBrowserAt("/sign-in");
    const body = { error: { code: "invalid_credentials", message: "Wrong email or password" } };
    answers.set("/api/v1/auth/login", { status: 401, body });
    const err = await call(
      browserApi.POST("/api/v1/auth/login", { baseUrl: origin, body: { email: "a@b.c", password: "nope" } }),
    ).catch((e) => e);
    expect(err).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(assigned).toEqual([]);
  });
});
