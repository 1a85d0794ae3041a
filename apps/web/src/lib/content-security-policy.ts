/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (Next puts
 * it on its own scripts) or when loaded by such a script ('strict-dynamic'): no inline
 * script, event-handler attribute or javascript: URL that slipped into a page can run.
 * Styles keep 'unsafe-inline' because React style attributes (charts, progress bars) need
 * it and CSS cannot execute script. Everything else comes from this origin only; the API is
 * reached through the same-origin /api route.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build uses eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on plain http (a laptop, the tests) it would break every asset.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
