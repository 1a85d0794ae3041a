import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** An empty variable (`METRICS_PORT=` in a compose file) counts as unset. */
export const emptyAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const ZMetricsEnv = {
  // Bearer token Prometheus sends to /metrics. Long enough not to be guessed.
  METRICS_TOKEN: emptyAsUnset(z.string().min(16, "must be at least 16 characters")),
};

/**
 * Whether an Authorization header carries the metrics token. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of what was sent.
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  const given = createHash("sha256")
    .update(match?.[1] ?? "")
    .digest();
  const wanted = createHash("sha256").update(token).digest();
  return timingSafeEqual(given, wanted) && match !== null;
}
