import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * A fresh CSP nonce per page request. Next reads the policy from the request headers while
 * rendering and puts the nonce on its scripts (every page is rendered per request: the root
 * layout reads the theme cookie). HSTS only when the browser came over https, directly or
 * through a TLS-terminating proxy: sent over plain http it would be ignored anyway.
 */
export function proxy(request: NextRequest) {
  const https =
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: the API route answers JSON with the API's own headers (and must stream
      // request bodies, which a proxy would buffer), and static assets are not documents.
      // Prefetches are included: a prefetched page is shown as it was fetched, so it needs
      // the policy as much as any other.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
    },
  ],
};
