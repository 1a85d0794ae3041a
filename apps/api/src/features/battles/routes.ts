import {
  ZArenaUsageResponse,
  ZBattleResponse,
  ZBattleTurnBody,
  ZBattleVoteBody,
  ZBattleVoteResponse,
  ZCreateBattleBody,
  ZErrorBody,
  ZIdempotencyHeaders,
  ZIdParams,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadBattle, toBattleDto } from "./battle-dto";
import { streamBattleEvents } from "./events";
import { arenaUsage, continueBattle, createBattle } from "./service";
import { voteBattle } from "./vote";

// Redis Stream entry ids: what the events carry as their SSE id.
const ZEventId = z.string().regex(/^\d{1,20}-\d{1,20}$/, "must be an event id (as sent in id:)");

const routes: FastifyPluginAsyncZod = async (app) => {
  const anyone = app.authorize();
  const staff = app.authorize("ADMIN", "RESEARCHER");
  const arenaQueue = () => app.queues.get("arena");

  app.post(
    "/projects/:id/battles",
    {
      schema: {
        tags: ["arena"],
        summary:
          "Start a battle: two of the project's generators, drawn at random, answer the prompt as a stream (see eventsUrl). 429 when the annotator's rate or daily cap, or the project's token budget, is reached",
        params: ZIdParams,
        body: ZCreateBattleBody,
        response: {
          201: ZBattleResponse,
          400: ZErrorBody,
          403: ZErrorBody,
          404: ZErrorBody,
          409: ZErrorBody,
          422: ZErrorBody,
          429: ZErrorBody,
          503: ZErrorBody,
        },
      },
      config: { projectAccess: "annotate" },
      onRequest: anyone,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ battle: await createBattle(app.db, arenaQueue(), request, request.params.id, request.body) }),
  );

  app.get(
    "/projects/:id/arena/usage",
    {
      schema: {
        tags: ["arena"],
        summary: "Battles started and tokens used against the project's token budget",
        params: ZIdParams,
        response: { 200: ZArenaUsageResponse, 404: ZErrorBody },
      },
      onRequest: staff,
    },
    async (request) => ({ usage: await arenaUsage(app.db, request.params.id) }),
  );

  app.get(
    "/battles/:id",
    {
      schema: {
        tags: ["arena"],
        summary:
          "A battle with its turns and finished answers (its annotator, or the project's staff); model names only once revealed",
        params: ZIdParams,
        response: { 200: ZBattleResponse, 404: ZErrorBody },
      },
      onRequest: anyone,
    },
    async (request) => ({
      battle: toBattleDto(await loadBattle(app.db, request.principal!.user, request.params.id)),
    }),
  );

  app.get(
    "/battles/:id/events",
    {
      schema: {
        tags: ["arena"],
        summary:
          "The battle's answers as Server-Sent Events (token, done, error, ready; see docs/arena.md). Last-Event-ID (or ?lastEventId=) resumes after that event",
        params: ZIdParams,
        querystring: z.object({ lastEventId: ZEventId.optional() }),
        headers: z.object({ "last-event-id": ZEventId.optional() }),
        produces: ["text/event-stream"],
        response: {
          200: z.string().describe("text/event-stream"),
          400: ZErrorBody,
          404: ZErrorBody,
        },
      },
      onRequest: anyone,
    },
    async (request, reply) => {
      const { row } = await loadBattle(app.db, request.principal!.user, request.params.id);
      await streamBattleEvents(
        app.db,
        request,
        reply,
        row.id,
        request.headers["last-event-id"] ?? request.query.lastEventId,
        { redisUrl: app.config.REDIS_URL, prefix: app.queues.prefix, blockMs: app.config.ARENA_SSE_BLOCK_MS },
      );
    },
  );

  app.post(
    "/battles/:id/turns",
    {
      schema: {
        tags: ["arena"],
        summary:
          "Continue a voted battle with the next user message; each model sees its own earlier answers",
        params: ZIdParams,
        body: ZBattleTurnBody,
        response: {
          201: ZBattleResponse,
          400: ZErrorBody,
          404: ZErrorBody,
          409: ZErrorBody,
          422: ZErrorBody,
          429: ZErrorBody,
          503: ZErrorBody,
        },
      },
      onRequest: anyone,
    },
    async (request, reply) =>
      reply.status(201).send({
        battle: await continueBattle(app.db, arenaQueue(), request, request.params.id, request.body.prompt),
      }),
  );

  app.post(
    "/battles/:id/vote",
    {
      schema: {
        tags: ["arena"],
        summary:
          "Judge the conversation so far (A is side 0); idempotent per Idempotency-Key. 409 while streaming or when a side failed. end: true closes the battle and reveals the models if the project says so",
        params: ZIdParams,
        headers: ZIdempotencyHeaders,
        body: ZBattleVoteBody,
        response: { 201: ZBattleVoteResponse, 400: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
      onRequest: anyone,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await voteBattle(
            app.db,
            app.forgetPrincipal,
            request,
            request.params.id,
            request.headers["idempotency-key"],
            request.body,
          ),
        ),
  );
};

export default routes;
