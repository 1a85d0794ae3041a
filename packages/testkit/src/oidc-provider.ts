import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TIdpAccount = { email: string; email_verified: boolean; name: string; groups: string[] };

export type TTestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next interaction signs in as (the person typing at the IdP's login page). */
  signInAs: (sub: string) => void;
  close: () => Promise<void>;
};

/** The one client the test provider knows (its redirect URIs are given at start). */
export const TEST_IDP_CLIENT_ID = "arbiter-test";
export const TEST_IDP_CLIENT_SECRET = "test-client-secret-0123456789abcdef";

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with the given accounts. Its login and
 * consent pages are replaced by a handler that finishes each interaction at once as the
 * chosen account, which is what a person clicking through would produce.
 */
export async function startTestIdp(
  accounts: Record<string, TIdpAccount>,
  redirectUris: string[],
  /** A port chosen beforehand, when the issuer must be known before the IdP can start. */
  port = 0,
): Promise<TTestIdp> {
  const clientId = TEST_IDP_CLIENT_ID;
  const clientSecret = TEST_IDP_CLIENT_SECRET;
  let current: string | undefined;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256", kid: "test" }] },
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // The claims come in the ID token itself, which is all Arbiter reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = accounts[sub];
      return account ? { accountId: sub, claims: async () => ({ sub, ...account }) } : undefined;
    },
  });
  const callback = provider.callback();

  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      if (!current) throw new Error("signInAs() first");
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: current } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  server.on("request", (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interact(req, res).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
    } else {
      callback(req, res);
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (sub) => {
      current = sub;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
