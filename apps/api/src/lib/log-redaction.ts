import type { FastifyRequest } from "fastify";

// Invitation tokens travel in the path (/invites/<token>, /invites/<token>/accept); a log line
// with one is as good as the invitation itself.
const SECRET_PATH = /(\/invites\/)[^/?#]+/g;
// A single sign-on callback's query holds the authorization code and state: with the browser's
// attempt cookie, a code seen in the logs before it is used would sign someone in.
const SSO_CALLBACK_QUERY = /(\/auth\/oidc\/[^/?#]+\/callback\?)[^#]*/g;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, "$1[redacted]").replace(SSO_CALLBACK_QUERY, "$1[redacted]");
}

/** Fastify's default request serialiser, with secrets in the URL masked. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
