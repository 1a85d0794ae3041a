import { SSO_ERROR_CODES } from "@arbiter/shared";

// The answers a person signing in meets, said in their language (messages signIn.errors.*);
// others (a 429 saying when to try again) keep the server's words.
const TRANSLATED = ["invalid_credentials", "sso_required", ...SSO_ERROR_CODES] as const;
export type TSignInErrorCode = (typeof TRANSLATED)[number];

/** The code if the sign-in page has a message for it; an SSO failure comes back as ?error=. */
export function signInErrorCode(code: string | undefined): TSignInErrorCode | undefined {
  return TRANSLATED.find((known) => known === code);
}
