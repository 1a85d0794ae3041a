import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browser, createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

const patchMe = (headers: Record<string, string>, payload: unknown) =>
  h.app.inject({ method: "PATCH", url: "/api/v1/me", headers, payload: payload as object });

describe("PATCH /me: the user's own language", () => {
  it("stores the language, GET /me returns it, and null hands the choice back to the browser", async () => {
    const u = await h.user("ANNOTATOR");
    const before = await h.app.inject({ method: "GET", url: "/api/v1/me", headers: browser(u) });
    expect(before.json().user.locale).toBeNull();

    const set = await patchMe(browser(u), { locale: "es" });
    expect(set.statusCode).toBe(200);
    expect(set.json().user).toMatchObject({ id: u.id, locale: "es" });
    const after = await h.app.inject({ method: "GET", url: "/api/v1/me", headers: browser(u) });
    expect(after.json().user.locale).toBe("es");

    const cleared = await patchMe(browser(u), { locale: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().user.locale).toBeNull();
  });

  it("changes only the caller's own row", async () => {
    const a = await h.user("ANNOTATOR");
    const b = await h.user("ANNOTATOR");
    await patchMe(browser(a), { locale: "de" });
    const other = await h.app.inject({ method: "GET", url: "/api/v1/me", headers: browser(b) });
    expect(other.json().user.locale).toBeNull();
  });

  it("answers 400 naming the field for a language it does not ship, an unknown field or a missing one", async () => {
    const u = await h.user("RESEARCHER");
    const unsupported = await patchMe(browser(u), { locale: "fr" });
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.json().error.details[0].path).toBe("body.locale");

    const unknown = await patchMe(browser(u), { locale: "de", role: "ADMIN" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual({
      path: "body.role",
      message: "is not a known field",
    });

    const missing = await patchMe(browser(u), {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe("body.locale");

    const me = await h.app.inject({ method: "GET", url: "/api/v1/me", headers: browser(u) });
    expect(me.json().user).toMatchObject({ role: "RESEARCHER", locale: null });
  });

  it("needs a session", async () => {
    const res = await h.app.inject({ method: "PATCH", url: "/api/v1/me", payload: { locale: "de" } });
    expect(res.statusCode).toBe(401);
  });
});
