/**
 * The API URL the /api proxy forwards a request to, or null when it would leave the API's
 * /api/ tree. The router normalises most dot segments before the route is reached, but a
 * ".." segment that gets through (decoded from a path segment) would be resolved by the URL
 * parser into /metrics, /healthz or any other path the API serves outside /api/: the
 * resolved target is what is checked.
 */
export function proxyTarget(apiBase: string, segments: string[], search: string): string | null {
  const target = new URL(`${apiBase}/api/${segments.map(encodeURIComponent).join("/")}${search}`);
  const base = new URL(`${apiBase}/api/`);
  return target.origin === base.origin && target.pathname.startsWith(base.pathname) ? target.href : null;
}
