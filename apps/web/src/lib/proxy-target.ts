/**
 * The API URL the /api proxy forwards a request to, or null when it would leave the API's
 * /api/ tree. A segment such as ".." (sent encoded, "%2e%2e", it reaches the route decoded)
 * would otherwise be resolved by the URL parser into /metrics, /healthz or any other path
 * the API serves outside /api/ and keeps off the public side.
 */
export function proxyTarget(apiBase: string, segments: string[], search: string): string | null {
  const target = new URL(`${apiBase}/api/${segments.map(encodeURIComponent).join("/")}${search}`);
  const base = new URL(`${apiBase}/api/`);
  return target.origin === base.origin && target.pathname.startsWith(base.pathname) ? target.href : null;
}
