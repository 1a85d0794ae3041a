import type { Db } from "@arbiter/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { TApiEnv } from "../env";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    config: TApiEnv;
  }
}

export const dbPlugin = fp<{ db: Db; config: TApiEnv; ownsDb: boolean }>(
  async (app: FastifyInstance, opts) => {
    app.decorate("db", opts.db);
    app.decorate("config", opts.config);
    if (opts.ownsDb) app.addHook("onClose", async () => opts.db.close());
  },
);
