import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

export const swaggerPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Arbiter API",
        version: "1",
        description:
          "Collect human preferences between language-model completions and export them as reward-model and DPO training data.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "arbiter_session" },
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "An API key created at POST /api/v1/api-keys",
          },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/v1/docs" });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
});
