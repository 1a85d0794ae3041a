import { createServer, type Server } from "node:http";
import { bearerMatches, serveMetrics } from "@arbiter/observability";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** The separate metrics listener, when METRICS_PORT is set (its address once ready). */
    metricsListener: Server | undefined;
  }
}

import { countLeasesIn, httpDuration, httpRequests, poolMetrics, registry } from "../lib/metrics";

/**
 * Prometheus metrics. GET /metrics is served on the API's own listener only with
 * METRICS_TOKEN (as a Bearer token), and on a separate listener (METRICS_HOST:METRICS_PORT,
 * loopback by default) when METRICS_PORT is set. With neither, metrics are counted but not
 * served. The web app forwards /api/* only, so /metrics is never reached through it.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const { METRICS_TOKEN: token, METRICS_HOST: host, METRICS_PORT: port } = app.config;
  const untrack = [poolMetrics.track(app.db.pool), countLeasesIn(app.db.pool)];

  app.addHook("onResponse", async (request, reply) => {
    // The route's template, never the raw URL: the label set stays bounded.
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? "unmatched",
      status: String(reply.statusCode),
    };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  if (token) {
    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply
          .status(401)
          .header("www-authenticate", 'Bearer realm="metrics"')
          .send({
            error: { code: "unauthenticated", message: "The metrics token is missing or wrong" },
          });
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  }

  let listener: Server | undefined;
  if (port !== undefined) {
    listener = createServer((req, res) => {
      if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
        res.writeHead(404).end();
        return;
      }
      void serveMetrics(req, res, registry, token);
    });
    app.addHook("onReady", async () => {
      await new Promise<void>((resolve, reject) => {
        listener!.once("error", reject);
        listener!.listen(port, host, () => resolve());
      });
      app.log.info({ address: listener!.address() }, "metrics listener started");
    });
  }

  app.decorate("metricsListener", listener);
  app.addHook("onClose", async () => {
    for (const stop of untrack) stop();
    if (listener?.listening) await new Promise((resolve) => listener!.close(resolve));
  });
});
