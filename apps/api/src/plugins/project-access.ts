import type { FastifyInstance, onRequestHookHandler } from "fastify";
import fp from "fastify-plugin";
import { assertProjectAccess, isUuid, type ProjectNeed } from "../features/projects/access";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * What a route under /projects/:id needs in that project. Unset: reads need "view",
     * writes "edit". "annotate": the route checks pool access itself (in its SQL).
     */
    projectAccess?: ProjectNeed | "annotate";
  }
}

const PROJECT_ROUTE = /^\/api\/v1\/projects\/:id(\/|$)/;

/**
 * Every route of one project checks the caller's standing in it, after authentication and
 * before anything else, so that a new route cannot forget: access is decided here, not in
 * each service.
 */
export const projectAccessPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onRoute", (route) => {
    if (!PROJECT_ROUTE.test(route.url)) return;
    const configured = (route.config as { projectAccess?: ProjectNeed | "annotate" } | undefined)
      ?.projectAccess;
    if (configured === "annotate") return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const need: ProjectNeed =
      configured ?? (methods.every((m) => m === "GET" || m === "HEAD") ? "view" : "edit");
    const guard: onRequestHookHandler = async (request) => {
      const user = request.principal?.user;
      // Routes without authentication have nothing to check against; none exists under /projects.
      if (!user) throw new Error(`${route.url} has no authentication before its project check`);
      const { id } = request.params as { id: string };
      // A malformed id names no project: validation answers it (400 naming params.id).
      if (!isUuid(id)) return;
      await assertProjectAccess(app.db, user, id, need);
    };
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...existing, guard];
  });
});
