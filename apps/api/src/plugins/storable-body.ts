import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { badRequest } from "../lib/http-error";
import { findUnstorable } from "../lib/storable-json";

/** Refuses request bodies that Postgres cannot store (or that nest absurdly), before validation runs. */
export const storableBodyPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const found = findUnstorable(request.body);
    if (found) throw badRequest(`${found.path}: ${found.message}`, [found]);
  });
});
