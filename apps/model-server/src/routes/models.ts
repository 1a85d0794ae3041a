import type { FastifyPluginAsync } from "fastify";
import { CONTEXT_LENGTH } from "../generate";

// Listing models and health are never faulted: health checks and "test connection" stay truthful.
export const modelRoutes: FastifyPluginAsync<{ models: readonly string[]; startedAt: number }> = async (
  app,
  { models, startedAt },
) => {
  app.get("/v1/models", async () => ({
    object: "list",
    data: models.map((id) => ({
      id,
      object: "model",
      created: startedAt,
      owned_by: "arbiter-stand-in",
      root: id,
      parent: null,
      max_model_len: CONTEXT_LENGTH,
    })),
  }));
  app.get("/health", async () => ({ status: "ok", standIn: true }));
};
