import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Db } from "@arbiter/db";
import fastifyAutoload from "@fastify/autoload";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { TApiEnv } from "./env";
import { serializeRequest } from "./lib/log-redaction";
import { authPlugin } from "./plugins/auth";
import { dbPlugin } from "./plugins/db";
import { errorsPlugin } from "./plugins/errors";
import { healthPlugin } from "./plugins/health";
import { metricsPlugin } from "./plugins/metrics";
import { projectAccessPlugin } from "./plugins/project-access";
import { queuesPlugin } from "./plugins/queues";
import { securityHeadersPlugin } from "./plugins/security-headers";
import { storableBodyPlugin } from "./plugins/storable-body";
import { swaggerPlugin } from "./plugins/swagger";

export type BuildAppOptions = {
  config: TApiEnv;
  /** Tests pass their own database; otherwise one is created from DATABASE_URL and closed with the app. */
  db?: Db;
  logger?: FastifyServerOptions["logger"];
};

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildApp({ config, db, logger }: BuildAppOptions) {
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      // Credentials never reach the logs.
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      serializers: { req: serializeRequest },
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    forceCloseConnections: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const ownsDb = !db;
  await app.register(dbPlugin, {
    db:
      db ?? createDb(config.DATABASE_URL, { poolSize: config.DB_POOL_SIZE, applicationName: "arbiter-api" }),
    config,
    ownsDb,
  });
  await app.register(errorsPlugin);
  await app.register(metricsPlugin);
  await app.register(securityHeadersPlugin);
  // Only routes that opt in (login) are limited; counters are per process, which is
  // enough to stop password guessing without putting Redis on the request path.
  await app.register(fastifyRateLimit, {
    global: false,
    // After validation, so the key can include the account being guessed at.
    hook: "preHandler",
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      retryAfter: Math.ceil(context.ttl / 1000),
      message: `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await app.register(swaggerPlugin);
  await app.register(authPlugin);
  await app.register(projectAccessPlugin);
  await app.register(healthPlugin);
  await app.register(storableBodyPlugin);
  await app.register(queuesPlugin);
  await app.register(fastifyAutoload, {
    dir: path.join(here, "features"),
    matchFilter: (file) => /[/\\]routes\.(ts|js)$/.test(file),
    dirNameRoutePrefix: false,
    options: { prefix: "/api/v1" },
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
