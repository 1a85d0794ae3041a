import { describe, expect, it } from "vitest";
import { forwardHeaders, peerAddress } from "./proxy-headers";

const FROM_SERVER = { ARBITER_WEB_SERVER: "server.mjs" };

function browserRequest(headers: Record<string, string>) {
  return new Request("http://localhost:3000/api/v1/auth/login", { method: "POST", headers });
}

describe("the /api proxy's headers", () => {
  it("never pass on a client's own X-Forwarded-For, Forwarded or X-Real-IP", () => {
    const request = browserRequest({
      "x-forwarded-for": "6.6.6.6",
      forwarded: "for=6.6.6.6",
      "x-real-ip": "6.6.6.6",
      cookie: "arbiter_session=abc",
    });
    const headers = forwardHeaders(request, "203.0.113.5");
    expect(headers.get("x-forwarded-for")).toBe("203.0.113.5");
    expect(headers.get("forwarded")).toBeNull();
    expect(headers.get("x-real-ip")).toBeNull();
    expect(headers.get("cookie")).toBe("arbiter_session=abc");
    // Without a known peer, no address at all: the API then sees the web app itself.
    expect(forwardHeaders(request, null).get("x-forwarded-for")).toBeNull();
  });

  it("take the peer from X-Forwarded-For only when server.mjs wrote it, and only a single address", () => {
    const written = browserRequest({ "x-forwarded-for": "203.0.113.5" });
    expect(peerAddress(written, FROM_SERVER)).toBe("203.0.113.5");
    expect(peerAddress(browserRequest({ "x-forwarded-for": "::1" }), FROM_SERVER)).toBe("::1");
    // `next start` / `next dev` keep whatever the client sent.
    expect(peerAddress(written, {})).toBeNull();
    for (const value of ["6.6.6.6, 203.0.113.5", "unknown", ""]) {
      expect(peerAddress(browserRequest({ "x-forwarded-for": value }), FROM_SERVER), value).toBeNull();
    }
  });

  it("drop hop-by-hop headers and name the original host and scheme", () => {
    const headers = forwardHeaders(
      browserRequest({ connection: "keep-alive", "keep-alive": "timeout=5", host: "arbiter.example" }),
      null,
    );
    expect(headers.get("connection")).toBeNull();
    expect(headers.get("keep-alive")).toBeNull();
    expect(headers.get("host")).toBeNull();
    expect(headers.get("x-forwarded-host")).toBe("arbiter.example");
    expect(headers.get("x-forwarded-proto")).toBe("http");
  });
});
