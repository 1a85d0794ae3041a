import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

// The API answers JSON (and export files): nothing in a response may run, load or be
// framed. The interactive docs page is the one HTML page and loads its own scripts and
// styles from this origin.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const DOCS_PREFIX = "/api/v1/docs";
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Headers on every response, errors and 404s included. HSTS only when the request came over
 * https (request.protocol follows X-Forwarded-Proto when TRUST_PROXY is on).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  // A callback hook, not async: it runs on the annotation hot path too.
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers({
      "content-security-policy": request.url.startsWith(DOCS_PREFIX) ? DOCS_CSP : API_CSP,
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
    });
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
    done();
  });
});
