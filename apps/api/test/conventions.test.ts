import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, browser, createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ BODY_LIMIT_BYTES: "4096" });
});
afterAll(async () => h?.close());

describe("API conventions", () => {
  it("bad input is a 400 naming the failing field", async () => {
    const admin = await h.user("ADMIN");
    const res = await h.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: bearer(admin),
      payload: { email: "not-an-email", name: "X", role: "ANNOTATOR", password: "long enough" },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("validation_error");
    expect(body.error.details).toEqual([expect.objectContaining({ path: "body.email" })]);
    expect(body.error.message).toMatch(/^body\.email: /);
  });

  it("malformed JSON is a 400, not a 500", async () => {
    const admin = await h.user("ADMIN");
    const res = await h.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { ...bearer(admin), "content-type": "application/json" },
      payload: "{ nope",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("bad_request");
  });

  it("an oversized body is a 413", async () => {
    const admin = await h.user("ADMIN");
    const res = await h.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: bearer(admin),
      payload: { email: "a@b.co", name: "x".repeat(10_000), role: "ANNOTATOR", password: "long enough" },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("an unknown route is a 404 in the error shape", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("lists are cursor-paginated and name what they hold", async () => {
    const admin = await h.user("ADMIN");
    for (let i = 0; i < 5; i++) await h.user("ANNOTATOR");
    const first = await h.app.inject({
      method: "GET",
      url: "/api/v1/users?limit=2&role=ANNOTATOR",
      headers: bearer(admin),
    });
    expect(first.statusCode).toBe(200);
    const one = first.json();
    expect(one.users).toHaveLength(2);
    expect(one.nextCursor).toEqual(expect.any(String));
    const second = await h.app.inject({
      method: "GET",
      url: `/api/v1/users?limit=2&role=ANNOTATOR&cursor=${one.nextCursor}`,
      headers: bearer(admin),
    });
    const two = second.json();
    expect(two.users).toHaveLength(2);
    const ids = [...one.users, ...two.users].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(4);
  });

  it("serves liveness, readiness, the OpenAPI document and the docs page", async () => {
    expect((await h.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await h.app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.postgres).toBe("ok");
    const doc = await h.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(["/api/v1/auth/login", "/api/v1/users/{id}"]),
    );
    const docs = await h.app.inject({ method: "GET", url: "/api/v1/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toMatch(/text\/html/);
  });

  it("echoes a request id on every response", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-request-id": "abc-123" },
    });
    expect(res.headers["x-request-id"]).toBe("abc-123");
  });

  it("admins create users; duplicate emails are a 409 naming the field", async () => {
    const admin = await h.user("ADMIN");
    const body = { email: "New.Person@Example.com", name: "New", role: "ANNOTATOR", password: "long enough" };
    const created = await h.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: browser(admin),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.email).toBe("new.person@example.com");
    const again = await h.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: browser(admin),
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("email_taken");
  });

  it("an admin cannot suspend or demote themselves", async () => {
    const admin = await h.user("ADMIN");
    const res = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${admin.id}`,
      headers: bearer(admin),
      payload: { status: "SUSPENDED" },
    });
    expect(res.statusCode).toBe(409);
  });
});
