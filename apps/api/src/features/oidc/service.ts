import type { Db, User } from "@arbiter/db";
import type { FastifyRequest } from "fastify";
import * as oidc from "openid-client";
import type { TOidcProvider } from "../../env-oidc";
import { audit } from "../../lib/audit";
import { identityFromClaims, SsoRefusal, type TSsoIdentity } from "./claims";
import { OIDC_STATE_TTL_SECONDS, type TOidcState } from "./state-cookie";

/** ExternalIdentity.platform of an OpenID provider's subjects. */
export const identityPlatform = (provider: TOidcProvider) => `oidc:${provider.id}`;

/**
 * One discovered configuration per provider, fetched at first use so that the API starts
 * while the IdP is down; a failed discovery is forgotten, so the next sign-in tries again.
 */
export function createProviderDirectory(providers: TOidcProvider[]) {
  const byId = new Map(providers.map((p) => [p.id, p]));
  const configs = new Map<string, Promise<oidc.Configuration>>();

  function configuration(provider: TOidcProvider): Promise<oidc.Configuration> {
    let config = configs.get(provider.id);
    if (!config) {
      config = oidc.discovery(
        new URL(provider.ISSUER),
        provider.CLIENT_ID,
        provider.CLIENT_SECRET,
        oidc.ClientSecretBasic(provider.CLIENT_SECRET),
        {
          timeout: 10,
          // Parsed config allows this only for a loopback issuer in tests or when asked (env-oidc.ts).
          execute: provider.allowInsecureHttp ? [oidc.allowInsecureRequests] : [],
        },
      );
      configs.set(provider.id, config);
      config.catch(() => configs.delete(provider.id));
    }
    return config;
  }

  return { get: (id: string) => byId.get(id), list: () => providers, configuration };
}
export type ProviderDirectory = ReturnType<typeof createProviderDirectory>;

/** The IdP's authorization URL for a new attempt, and the attempt to keep in the browser's cookie. */
export async function beginSignIn(
  config: oidc.Configuration,
  provider: TOidcProvider,
  redirectUri: string,
  next: string | undefined,
): Promise<{ url: URL; state: TOidcState }> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state: TOidcState = {
    provider: provider.id,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    next,
    expiresAt: Date.now() + OIDC_STATE_TTL_SECONDS * 1000,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: provider.SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: state.state,
    nonce: state.nonce,
  });
  return { url, state };
}

/**
 * Exchanges the code (PKCE verifier, state and nonce checked by openid-client, the ID token's
 * signature, issuer, audience and expiry too) and reads the person from the ID token.
 */
export async function finishSignIn(
  config: oidc.Configuration,
  provider: TOidcProvider,
  callbackUrl: URL,
  attempt: TOidcState,
): Promise<TSsoIdentity> {
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: attempt.verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (err) {
    throw new SsoRefusal(exchangeErrorCode(err));
  }
  if (!claims) throw new SsoRefusal("sso_failed");
  return identityFromClaims(provider, claims);
}

/** The IdP said no (an error in its redirect), could not be reached, or answered wrongly
 * (a replayed or expired code is refused by its token endpoint). */
function exchangeErrorCode(err: unknown): string {
  if (err instanceof oidc.AuthorizationResponseError) return "sso_provider_error";
  if (err instanceof TypeError || (err instanceof Error && err.name === "AbortError"))
    return "sso_provider_unreachable";
  return "sso_failed";
}

/**
 * The account this identity signs into: the one already linked to the provider's subject, else
 * the one with the verified email (linked from now on), else a new one with the mapped role.
 * An existing account keeps its role: roles are managed in Arbiter once the account exists.
 * Mapped pools are added at every sign-in, never removed.
 */
export async function linkAccount(
  db: Db,
  request: FastifyRequest,
  provider: TOidcProvider,
  identity: TSsoIdentity,
): Promise<User> {
  const platform = identityPlatform(provider);
  return db.prisma.$transaction(async (tx) => {
    const linked = await tx.externalIdentity.findUnique({
      where: { platform_externalId: { platform, externalId: identity.subject } },
      include: { user: true },
    });
    let user = linked?.user ?? (await tx.user.findUnique({ where: { email: identity.email } }));
    const created = !user;
    user ??= await tx.user.create({
      data: { email: identity.email, name: identity.name, role: identity.role },
    });
    if (user.erasedAt) throw new SsoRefusal("account_erased");
    if (user.status !== "ACTIVE") throw new SsoRefusal("account_suspended");
    if (!linked) {
      // Two first sign-ins at once: the second finds the link already made.
      await tx.externalIdentity.createMany({
        data: [{ platform, externalId: identity.subject, userId: user.id }],
        skipDuplicates: true,
      });
    }
    if (identity.pools.length > 0) {
      const pools = await tx.pool.findMany({ where: { name: { in: identity.pools } }, select: { id: true } });
      await tx.poolMember.createMany({
        data: pools.map((p) => ({ poolId: p.id, userId: user.id })),
        skipDuplicates: true,
      });
    }
    await audit(tx, request, {
      action: "auth.sso_login",
      targetType: "user",
      targetId: user.id,
      data: { provider: provider.id, created, linked: !linked, ...(created ? { role: user.role } : {}) },
    });
    return user;
  });
}
