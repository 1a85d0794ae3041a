import { z } from "zod";

/** A configured OpenID provider as the sign-in page shows it. */
export const ZAuthProvider = z.object({
  id: z.string(),
  name: z.string().describe("The button's label: Sign in with <name>"),
  startUrl: z.string().describe("Where the button goes; `?next=/path` returns there after sign-in"),
});
export type TAuthProvider = z.infer<typeof ZAuthProvider>;

export const ZAuthProvidersResponse = z.object({
  providers: z.array(ZAuthProvider),
  ssoRequiredForStaff: z.boolean().describe("Admins and researchers cannot sign in with a password"),
});
export type TAuthProvidersResponse = z.infer<typeof ZAuthProvidersResponse>;

export const ZOidcStartQuery = z.strictObject({
  next: z.string().max(2000).optional().describe("A path in the web app to return to"),
});

/** What the identity provider sends back; only what the callback reads is named. */
export const ZOidcCallbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
});

/** Why an SSO sign-in failed, as `?error=` on the sign-in page. */
export const SSO_ERROR_CODES = [
  "sso_failed",
  "sso_state_mismatch",
  "sso_provider_error",
  "sso_provider_unreachable",
  "sso_email_unverified",
  "sso_domain_not_allowed",
  "account_suspended",
  "account_erased",
] as const;
export type TSsoErrorCode = (typeof SSO_ERROR_CODES)[number];
