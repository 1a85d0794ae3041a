import { createServer, type Server } from "node:http";
import type { Worker } from "bullmq";

/** Liveness for orchestrators: 200 while every worker is running, 503 otherwise. */
export function createHealthServer(workers: Worker[]): Server {
  return createServer((req, res) => {
    if (req.method !== "GET" || (req.url !== "/healthz" && req.url !== "/readyz")) {
      res.writeHead(404).end();
      return;
    }
    const queues = Object.fromEntries(workers.map((w) => [w.name, w.isRunning() ? "running" : "stopped"]));
    const ok = workers.length > 0 && Object.values(queues).every((s) => s === "running");
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", queues }));
  });
}
