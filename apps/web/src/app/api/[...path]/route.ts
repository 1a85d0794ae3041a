import { apiUrl } from "@/lib/api-url";
import { forwardHeaders, peerAddress } from "@/lib/proxy-headers";
import { proxyTarget } from "@/lib/proxy-target";

// The browser talks to the API through this same-origin route, so the session cookie
// stays first-party and httpOnly. Bodies stream both ways (large imports and exports).

export const dynamic = "force-dynamic";

// fetch() already decoded the body, so its encoding and length no longer apply.
const DROP_RESPONSE = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
]);

async function proxy(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await context.params;
  const target = proxyTarget(apiUrl(), path, new URL(request.url).search);
  if (!target) {
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardHeaders(request, peerAddress(request)),
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
