import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { bearerMatches } from "./metrics-access";

/**
 * Answers GET /metrics on a plain Node listener (the API's internal metrics port, the
 * worker's health port). With a token configured, a request without it gets 401.
 */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Registry,
  token: string | undefined,
): Promise<void> {
  if (token && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
    return;
  }
  try {
    const body = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType }).end(body);
  } catch (err) {
    // A collect callback failed (a database query at scrape time): say so, keep serving.
    res
      .writeHead(500, { "content-type": "text/plain" })
      .end(`metrics unavailable: ${(err as Error).message}`);
  }
}
