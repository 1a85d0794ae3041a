import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const READY_TIMEOUT_MS = 2_000;

declare module "fastify" {
  interface FastifyInstance {
    /**
     * The start of a graceful shutdown: /readyz answers 503 from now on, so a load balancer
     * (a Kubernetes Service following readiness) stops sending new requests, while the ones it
     * still sends are served; each response also closes its connection, so keep-alive clients
     * reconnect to a replica that stays.
     */
    startDraining: () => void;
  }
}

/** Liveness and readiness, outside /api/v1 and without authentication, for orchestrators. */
export const healthPlugin = fp(async (app: FastifyInstance) => {
  let draining = false;
  app.decorate("startDraining", () => {
    draining = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (draining) reply.header("connection", "close");
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    if (draining) return reply.status(503).send({ status: "draining", checks: {} });
    const checks: Record<string, "ok" | "down"> = { postgres: "down" };
    try {
      await Promise.race([
        app.db.pool.query("SELECT 1"),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), READY_TIMEOUT_MS).unref()),
      ]);
      checks.postgres = "ok";
    } catch {
      // Reported below; a failing dependency is the answer, not an error.
    }
    const ready = Object.values(checks).every((c) => c === "ok");
    return reply.status(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", checks });
  });
});
