import { createServer, type Server } from "node:http";
import { serveMetrics } from "@arbiter/observability";
import type { Worker } from "bullmq";
import { registry } from "./metrics";

/**
 * Liveness for orchestrators (200 while every worker is running, 503 otherwise), and the
 * worker's Prometheus metrics at /metrics (Bearer METRICS_TOKEN when one is set). This port
 * is internal: nothing public forwards to it.
 */
export function createHealthServer(workers: Worker[], options: { metricsToken?: string } = {}): Server {
  return createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (req.method === "GET" && path === "/metrics") {
      void serveMetrics(req, res, registry, options.metricsToken);
      return;
    }
    if (req.method !== "GET" || (path !== "/healthz" && path !== "/readyz")) {
      res.writeHead(404).end();
      return;
    }
    const queues = Object.fromEntries(workers.map((w) => [w.name, w.isRunning() ? "running" : "stopped"]));
    const ok = workers.length > 0 && Object.values(queues).every((s) => s === "running");
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", queues }));
  });
}
