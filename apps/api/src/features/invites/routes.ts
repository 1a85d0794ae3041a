import {
  ZAcceptInviteBody,
  ZAcceptInviteResponse,
  ZCreateInviteBody,
  ZCreateInviteResponse,
  ZErrorBody,
  ZIdParams,
  ZInviteListResponse,
  ZInvitePeekResponse,
  ZInviteTokenParams,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertSameOrigin } from "../../lib/cross-origin";
import { publicUrl } from "../../lib/public-url";
import {
  acceptInvite,
  createInvite,
  findInvite,
  inviteState,
  listInvites,
  revokeInvite,
  toInviteDto,
} from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const admins = app.authorize("ADMIN");

  app.post(
    "/pools/:id/invites",
    {
      schema: {
        tags: ["invites"],
        summary: "Create an invitation link into a pool (admin); the token is shown only here",
        params: ZIdParams,
        body: ZCreateInviteBody,
        response: { 201: ZCreateInviteResponse, 400: ZErrorBody, 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request, reply) => {
      const { invite, token } = await createInvite(app.db, request, request.params.id, request.body);
      const url = publicUrl(request, app.config.ARBITER_PUBLIC_URL, `/invite/${token}`);
      return reply.status(201).send({ invite: toInviteDto(invite), token, url });
    },
  );

  app.get(
    "/pools/:id/invites",
    {
      schema: {
        tags: ["invites"],
        summary: "Invitations of a pool, newest first (admin)",
        params: ZIdParams,
        response: { 200: ZInviteListResponse },
      },
      onRequest: admins,
    },
    async (request) => ({ invites: await listInvites(app.db, request.params.id) }),
  );

  app.delete(
    "/invites/:id",
    {
      schema: {
        tags: ["invites"],
        summary: "Withdraw an invitation (admin); accounts already created stay",
        params: ZIdParams,
        response: { 204: z.null(), 404: ZErrorBody },
      },
      onRequest: admins,
    },
    async (request, reply) => {
      await revokeInvite(app.db, request, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/invites/:token",
    {
      schema: {
        tags: ["invites"],
        summary: "What an invitation link offers, and whether it can still be used",
        security: [],
        params: ZInviteTokenParams,
        response: { 200: ZInvitePeekResponse, 404: ZErrorBody },
      },
    },
    async (request) => {
      const invite = await findInvite(app.db, request.params.token);
      return {
        pool: { name: invite.pool.name },
        role: invite.role as "ANNOTATOR" | "RESEARCHER",
        state: inviteState(invite),
        expiresAt: invite.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    "/invites/:token/accept",
    {
      schema: {
        tags: ["invites"],
        summary:
          "Accept an invitation. Always 202 and no session, whether or not the email has an account: a new email gets its account (in the pool at once); an existing account joins the pool when its owner next signs in with their own password",
        security: [],
        params: ZInviteTokenParams,
        body: ZAcceptInviteBody,
        response: { 202: ZAcceptInviteResponse, 400: ZErrorBody, 404: ZErrorBody, 410: ZErrorBody },
      },
      config: {
        rateLimit: {
          // Per address and link: a class behind one NAT can share an N-use link.
          max: 30,
          timeWindow: "1 minute",
          keyGenerator: (request) => `${request.ip}|${(request.params as { token?: string }).token ?? ""}`,
        },
      },
    },
    async (request, reply) => {
      assertSameOrigin(request, app.config.ARBITER_TRUSTED_ORIGINS);
      await acceptInvite(app.db, request, request.params.token, request.body);
      return reply.status(202).send({
        status: "sign_in_to_finish" as const,
        email: request.body.email,
        message: "Sign in with this email and your password to finish joining",
      });
    },
  );
};

export default routes;
