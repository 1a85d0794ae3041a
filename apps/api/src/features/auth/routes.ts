import { ZConfirmPasswordBody, ZErrorBody, ZLoginBody, ZUserResponse } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertSameOrigin } from "../../lib/cross-origin";
import { HttpError } from "../../lib/http-error";
import { createAddressThrottle, createLoginThrottle } from "../../lib/login-throttle";
import { toUserDto } from "../../lib/user-dto";
import { SESSION_COOKIE } from "../../plugins/auth";
import { grantInviteClaims } from "../invites/service";
import { checkCredentials, confirmPassword, revokeSession, signIn, ssoRequired } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const throttle = createLoginThrottle(app.db.pool, app.config);
  const addresses = createAddressThrottle(app.config.LOGIN_ADDRESS_LIMIT);

  app.post(
    "/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Sign in with email and password; sets the session cookie. A suspended account with the right password gets 403 account_suspended; with OIDC_REQUIRE_FOR_STAFF an admin or researcher gets 403 sso_required",
        security: [],
        body: ZLoginBody,
        response: { 200: ZUserResponse, 401: ZErrorBody, 403: ZErrorBody, 429: ZErrorBody },
      },
      config: {
        rateLimit: {
          max: app.config.LOGIN_RATE_LIMIT,
          timeWindow: "1 minute",
          // Per address and per account, so one attacker cannot lock out everyone.
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      // Login CSRF: a cross-site form must not sign the victim into the attacker's account.
      assertSameOrigin(request, app.config.ARBITER_TRUSTED_ORIGINS);
      const { email, password } = request.body;
      addresses.assertAllowed(request.ip);
      await throttle.assertNotLocked(email);
      const user = await checkCredentials(app.db, email, password);
      if (!user) {
        addresses.recordFailure(request.ip);
        await throttle.recordFailure(email);
        throw new HttpError(401, "invalid_credentials", "Email or password is incorrect");
      }
      await throttle.recordSuccess(email);
      // Checked once the password is proved right, so a stranger cannot learn who is staff.
      if (app.config.OIDC_REQUIRE_FOR_STAFF && user.role !== "ANNOTATOR") throw ssoRequired();
      // The owner has now proved the account: invitations accepted with its email take effect.
      await grantInviteClaims(app.db, request, user.id);
      await signIn(app.db, app.config.SESSION_TTL_HOURS, request, reply, user.id, { passwordChecked: true });
      return { user: toUserDto(user) };
    },
  );

  app.post(
    "/auth/confirm-password",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Re-enter your password on the current browser session, for actions that need a recent one (creating an API key)",
        body: ZConfirmPasswordBody,
        response: { 204: z.null(), 400: ZErrorBody, 403: ZErrorBody, 429: ZErrorBody },
      },
      onRequest: app.authorize(),
    },
    async (request, reply) => {
      addresses.assertAllowed(request.ip);
      if (!(await confirmPassword(app.db, throttle, request, request.body.password))) {
        addresses.recordFailure(request.ip);
        throw new HttpError(400, "wrong_password", "The password is incorrect", [
          { path: "body.password", message: "is incorrect" },
        ]);
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out: revokes the current session",
        response: { 204: z.null() },
      },
      onRequest: app.authorize(),
    },
    async (request, reply) => {
      if (request.principal?.via === "session") await revokeSession(app.db, request.principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );
};

export default routes;
