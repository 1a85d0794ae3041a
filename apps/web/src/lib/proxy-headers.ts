import { isIP } from "node:net";

// Hop-by-hop headers describe one connection and must not be forwarded (RFC 9110 7.6.1);
// host is replaced by the API's own, the original one travels as X-Forwarded-Host.
const DROP_REQUEST = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
  "content-length",
  "expect",
]);
// Who the client is, as the client would like it said: never passed on. The API believes
// X-Forwarded-For from this app alone (its TRUST_PROXY), so this app writes it itself.
const CLIENT_ADDRESS = new Set(["x-forwarded-for", "forwarded", "x-real-ip"]);

/**
 * The address of whoever connected to the web server. server.mjs overwrites X-Forwarded-For
 * with it before Next sees the request, and says so in ARBITER_WEB_SERVER; started any other
 * way (`next dev`, `next start`) the header may be the client's own, so it is not used and the
 * API sees the web app's address instead.
 */
export function peerAddress(
  request: Request,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (env.ARBITER_WEB_SERVER !== "server.mjs") return null;
  const value = request.headers.get("x-forwarded-for")?.trim() ?? "";
  return isIP(value) ? value : null;
}

/** The headers the API gets for a browser request to /api/*. */
export function forwardHeaders(request: Request, peer: string | null): Headers {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROP_REQUEST.has(name) && !CLIENT_ADDRESS.has(name)) headers.set(name, value);
  });
  if (peer) headers.set("x-forwarded-for", peer);
  // The original host and scheme, unless a proxy in front already named them: the API uses
  // them (when it trusts this app) for Secure cookies, HSTS and the CSRF host check.
  const url = new URL(request.url);
  if (!headers.has("x-forwarded-host"))
    headers.set("x-forwarded-host", request.headers.get("host") ?? url.host);
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", url.protocol.replace(":", ""));
  return headers;
}
