import type { FastifyRequest } from "fastify";
import { HttpError } from "./http-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for cookie-authenticated writes, the way Go's
 * http.CrossOriginProtection does it: browsers label every request with
 * Sec-Fetch-Site (and Origin), which page scripts cannot forge. A request without
 * either header does not come from a browser and cannot carry a victim's cookie
 * on its own.
 */
export function assertSameOrigin(request: FastifyRequest, trustedOrigins: readonly string[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin && trustedOrigins.includes(origin)) return;
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined) {
    if (site === "same-origin" || site === "none") return;
    throw crossOrigin();
  }
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossOrigin();
  }
  const hosts = [request.headers.host, request.headers["x-forwarded-host"]].flat().filter(Boolean);
  if (!hosts.includes(originHost)) throw crossOrigin();
}

function crossOrigin(): HttpError {
  return new HttpError(403, "cross_origin_request", "Cross-origin request refused (CSRF protection)");
}
