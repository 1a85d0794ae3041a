import { type TRole, ZEmail } from "@arbiter/shared";
import type { TOidcProvider } from "../../env-oidc";

/** A sign-in the identity provider vouched for but Arbiter refuses, with the sign-in page's code. */
export class SsoRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export type TSsoIdentity = { subject: string; email: string; name: string; role: TRole; pools: string[] };

const RANK: Record<TRole, number> = { ANNOTATOR: 0, RESEARCHER: 1, ADMIN: 2 };

/** A claim as a list of strings: groups come as arrays, some IdPs send one value as a string. */
function claimValues(claims: Record<string, unknown>, name: string | undefined): string[] {
  const value = name ? claims[name] : undefined;
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * What the ID token's claims make of the person, or the reason to refuse them. Only an email
 * the provider says it verified is trusted, because accounts are linked by it; some providers
 * send the flag as the string "true".
 */
export function identityFromClaims(provider: TOidcProvider, claims: Record<string, unknown>): TSsoIdentity {
  const verified = claims.email_verified === true || claims.email_verified === "true";
  const email = ZEmail.safeParse(claims.email);
  if (!verified || !email.success) throw new SsoRefusal("sso_email_unverified");
  const domain = email.data.slice(email.data.lastIndexOf("@") + 1);
  // Reserved names (crowd participants' accounts live under crowd.invalid) are never anyone's mailbox.
  if (domain.endsWith(".invalid")) throw new SsoRefusal("sso_domain_not_allowed");
  if (provider.ALLOWED_DOMAINS.length > 0 && !provider.ALLOWED_DOMAINS.includes(domain))
    throw new SsoRefusal("sso_domain_not_allowed");

  const roleValues = new Set(claimValues(claims, provider.ROLE_CLAIM));
  // Several matching groups: the highest role wins, as the groups are meant to add up.
  const role = provider.ROLE_MAP.filter(([value]) => roleValues.has(value))
    .map(([, mapped]) => mapped)
    .reduce<TRole>((best, r) => (RANK[r] > RANK[best] ? r : best), "ANNOTATOR");
  const poolValues = new Set(claimValues(claims, provider.POOL_CLAIM));
  const pools = [...new Set(provider.POOL_MAP.filter(([value]) => poolValues.has(value)).map(([, p]) => p))];

  const name =
    typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : email.data.split("@")[0]!;
  return { subject: String(claims.sub), email: email.data, name: name.slice(0, 200), role, pools };
}
