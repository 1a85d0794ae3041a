import { apiUrl } from "@/lib/api-url";

// The browser talks to the API through this same-origin route, so the session cookie
// stays first-party and httpOnly. Bodies stream both ways (large imports and exports).

export const dynamic = "force-dynamic";

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
// fetch() already decoded the body, so its encoding and length no longer apply.
const DROP_RESPONSE = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
]);

function forwardHeaders(request: Request): Headers {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROP_REQUEST.has(name)) headers.set(name, value);
  });
  // Next sets X-Forwarded-* from the incoming socket unless a proxy in front already did;
  // the API trusts them for the client address (rate limits), https and the CSRF host check.
  const url = new URL(request.url);
  if (!headers.has("x-forwarded-host"))
    headers.set("x-forwarded-host", request.headers.get("host") ?? url.host);
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", url.protocol.replace(":", ""));
  return headers;
}

async function proxy(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await context.params;
  const search = new URL(request.url).search;
  const target = `${apiUrl()}/api/${path.map(encodeURIComponent).join("/")}${search}`;
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardHeaders(request),
      body: hasBody ? request.body : undefined,
      redirect: "manual",
      signal: request.signal,
      cache: "no-store",
      // Required by Node's fetch to stream a request body.
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch {
    return Response.json(
      { error: { code: "api_unreachable", message: "The Arbiter API is not reachable; try again shortly" } },
      { status: 502 },
    );
  }
  const headers = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROP_RESPONSE.has(name) && name !== "set-cookie") headers.set(name, value);
  });
  // Several cookies must stay several headers; Headers.forEach would join them.
  for (const cookie of upstream.headers.getSetCookie()) headers.append("set-cookie", cookie);
  const empty = upstream.status === 204 || upstream.status === 304 || request.method === "HEAD";
  return new Response(empty ? null : upstream.body, { status: upstream.status, headers });
}

export {
  proxy as DELETE,
  proxy as GET,
  proxy as HEAD,
  proxy as OPTIONS,
  proxy as PATCH,
  proxy as POST,
  proxy as PUT,
};
