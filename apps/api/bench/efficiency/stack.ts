import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase, type TProcess } from "@arbiter/testkit";
import { type ApiProcess, spawnApp, startApi } from "../../test/support/processes";

export type TStack = { db: TestDatabase; api: ApiProcess; worker: TProcess; stop: () => Promise<void> };

/**
 * One run's own database, the API and a worker as real processes: the worker runs the
 * maintenance queue, where the estimating job decides items and sets lease priorities.
 */
export async function startStack(): Promise<TStack> {
  const db = await createTestDatabase();
  const redisPrefix = `bench-eff-${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(32).toString("hex");
  const common = {
    DATABASE_URL: db.url,
    REDIS_PREFIX: redisPrefix,
    ARBITER_SECRET: secret,
    LOG_LEVEL: "warn",
  };
  // Run from tsx rather than vitest: tell @fastify/autoload that the routes may be TypeScript.
  const api = await startApi({ ...common, FASTIFY_AUTOLOAD_TYPESCRIPT: "1" });
  const worker = spawnApp("worker", "src/index.ts", {
    ...common,
    NODE_ENV: "test",
    WORKER_HEALTH_PORT: "0",
  });
  return {
    db,
    api,
    worker,
    stop: async () => {
      await Promise.all([api.kill("SIGTERM"), worker.kill("SIGTERM")]);
      await db.drop();
    },
  };
}
