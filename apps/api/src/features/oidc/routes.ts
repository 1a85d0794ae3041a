import {
  safeNext,
  ZAuthProvidersResponse,
  ZErrorBody,
  ZOidcCallbackQuery,
  ZOidcStartQuery,
} from "@arbiter/shared";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { TOidcProvider } from "../../env-oidc";
import { audit } from "../../lib/audit";
import { notFound } from "../../lib/http-error";
import { publicUrl } from "../../lib/public-url";
import { signIn } from "../auth/service";
import { grantInviteClaims } from "../invites/service";
import { SsoRefusal } from "./claims";
import { beginSignIn, createProviderDirectory, finishSignIn, linkAccount } from "./service";
import {
  createStateCookieCodec,
  OIDC_STATE_COOKIE,
  OIDC_STATE_COOKIE_PATH,
  OIDC_STATE_TTL_SECONDS,
} from "./state-cookie";

const ZProviderParams = z.object({ provider: z.string().max(32) });
const redirectResponses = {
  302: z.null().describe("To the identity provider or the web app"),
  404: ZErrorBody,
};

const routes: FastifyPluginAsyncZod = async (app) => {
  const directory = createProviderDirectory(app.config.oidcProviders);
  const codec = createStateCookieCodec(app.config.ARBITER_SECRET);
  const webUrl = (request: FastifyRequest, path: string) =>
    publicUrl(request, app.config.ARBITER_PUBLIC_URL, path);
  const callbackUrl = (request: FastifyRequest, provider: TOidcProvider) =>
    webUrl(request, `/api/v1/auth/oidc/${provider.id}/callback`);
  const providerOr404 = (id: string) => {
    const provider = directory.get(id);
    if (!provider) throw notFound("Sign-in provider");
    return provider;
  };
  const clearAttempt = (request: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(OIDC_STATE_COOKIE, {
      path: OIDC_STATE_COOKIE_PATH,
      httpOnly: true,
      sameSite: "lax",
      secure: request.protocol === "https",
    });

  /** Every failure lands on the sign-in page with a code it explains, and in the audit log. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, provider: TOidcProvider, code: string) {
    await audit(app.db.prisma, request, {
      action: "auth.sso_failed",
      targetType: "auth_provider",
      targetId: provider.id,
      data: { code },
    });
    clearAttempt(request, reply);
    return reply.redirect(webUrl(request, `/sign-in?error=${encodeURIComponent(code)}`), 302);
  }

  app.get(
    "/auth/providers",
    {
      schema: {
        tags: ["auth"],
        summary: "The single sign-on providers the sign-in page offers (public)",
        security: [],
        response: { 200: ZAuthProvidersResponse },
      },
    },
    async () => ({
      providers: directory.list().map((p) => ({
        id: p.id,
        name: p.NAME,
        startUrl: `/api/v1/auth/oidc/${p.id}/start`,
      })),
      ssoRequiredForStaff: app.config.OIDC_REQUIRE_FOR_STAFF,
    }),
  );

  app.get(
    "/auth/oidc/:provider/start",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Starts single sign-on: redirects the browser to the identity provider (authorization code flow with PKCE, state and nonce)",
        security: [],
        params: ZProviderParams,
        querystring: ZOidcStartQuery,
        response: redirectResponses,
      },
    },
    async (request, reply) => {
      const provider = providerOr404(request.params.provider);
      let config: Awaited<ReturnType<typeof directory.configuration>>;
      try {
        config = await directory.configuration(provider);
      } catch (err) {
        request.log.warn({ provider: provider.id, err: (err as Error).message }, "oidc discovery failed");
        return refuse(request, reply, provider, "sso_provider_unreachable");
      }
      const next = safeNext(request.query.next, new URL(webUrl(request, "/")).origin);
      const { url, state } = await beginSignIn(config, provider, callbackUrl(request, provider), next);
      reply.setCookie(OIDC_STATE_COOKIE, codec.encode(state), {
        path: OIDC_STATE_COOKIE_PATH,
        httpOnly: true,
        // Lax: the IdP's redirect back is a top-level GET from another site, which Lax lets through.
        sameSite: "lax",
        secure: request.protocol === "https",
        maxAge: OIDC_STATE_TTL_SECONDS,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    "/auth/oidc/:provider/callback",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Where the identity provider sends the browser back: checks the attempt, signs in (linking or creating the account by verified email) and redirects to the web app, or to the sign-in page with ?error=",
        security: [],
        params: ZProviderParams,
        querystring: ZOidcCallbackQuery,
        response: redirectResponses,
      },
    },
    async (request, reply) => {
      const provider = providerOr404(request.params.provider);
      const attempt = codec.decode(request.cookies[OIDC_STATE_COOKIE]);
      if (request.query.error) return refuse(request, reply, provider, "sso_provider_error");
      if (!attempt || attempt.provider !== provider.id || attempt.state !== request.query.state)
        return refuse(request, reply, provider, "sso_state_mismatch");
      let config: Awaited<ReturnType<typeof directory.configuration>>;
      try {
        config = await directory.configuration(provider);
      } catch (err) {
        request.log.warn({ provider: provider.id, err: (err as Error).message }, "oidc discovery failed");
        return refuse(request, reply, provider, "sso_provider_unreachable");
      }
      try {
        const current = new URL(callbackUrl(request, provider));
        current.search = new URL(request.url, "http://callback").search;
        const identity = await finishSignIn(config, provider, current, attempt);
        const user = await linkAccount(app.db, request, provider, identity);
        // The provider verified the email: invitations accepted with it take effect, as at password sign-in.
        await grantInviteClaims(app.db, request, user.id);
        await signIn(app.db, app.config.SESSION_TTL_HOURS, request, reply, user.id, {
          passwordChecked: false,
        });
        clearAttempt(request, reply);
        return reply.redirect(webUrl(request, attempt.next ?? "/"), 302);
      } catch (err) {
        if (err instanceof SsoRefusal) return refuse(request, reply, provider, err.code);
        request.log.error({ provider: provider.id, err }, "oidc sign-in failed");
        return refuse(request, reply, provider, "sso_failed");
      }
    },
  );
};

export default routes;
