import type { FastifyRequest } from "fastify";

/** An absolute link into the web app, for invitations and crowd-platform study links. */
export function publicUrl(request: FastifyRequest, configured: string | undefined, path: string): string {
  if (configured) return new URL(path, configured).toString();
  const origin = request.headers.origin;
  const base = origin && origin !== "null" ? origin : `${request.protocol}://${request.host}`;
  return new URL(path, base).toString();
}
