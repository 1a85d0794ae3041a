import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const READY_TIMEOUT_MS = 2_000;

/** Liveness and readiness, outside /api/v1 and without authentication, for orchestrators. */
export const healthPlugin = fp(async (app: FastifyInstance) => {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
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
