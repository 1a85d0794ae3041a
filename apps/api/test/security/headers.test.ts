import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  // Requests come from 127.0.0.1, standing for a TLS-terminating proxy in front.
  h = await createHarness({ TRUST_PROXY: "127.0.0.1" });
});
afterAll(async () => h?.close());

describe("API security headers", () => {
  it("every kind of response (JSON, error, 404, health) forbids running, framing and sniffing", async () => {
    const u = await h.user("RESEARCHER");
    const responses = await Promise.all([
      h.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(u) }),
      h.app.inject({ method: "GET", url: "/api/v1/me" }),
      h.app.inject({ method: "GET", url: "/api/v1/no-such-route" }),
      h.app.inject({ method: "POST", url: "/api/v1/projects", headers: bearer(u), payload: {} }),
      h.app.inject({ method: "GET", url: "/healthz" }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 404, 400, 200]);
    for (const res of responses) {
      expect(res.headers["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
  });

  it("HSTS only when the request came over https (directly or behind a TLS proxy)", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("the docs page loads its own scripts only: no inline script, nothing from elsewhere", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/docs" });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    // The page really needs nothing more: no inline <script> body in it.
    const inline = [...res.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.filter((m) => m[1]!.trim())).toEqual([]);
  });
});
