import { splitList, ZRole, zCommaList } from "@arbiter/shared";
import { z } from "zod";

/** `value=TARGET,value=TARGET`: the claim values (group names) and what each grants. */
const claimMap = <T extends z.ZodType<string>>(target: T) =>
  z
    .string()
    .default("")
    .transform((s, ctx) => {
      const entries: [string, z.infer<T>][] = [];
      for (const pair of splitList(s)) {
        const at = pair.lastIndexOf("=");
        const parsed = target.safeParse(pair.slice(at + 1).trim());
        if (at <= 0 || !parsed.success) {
          ctx.addIssue({ code: "custom", message: `"${pair}" is not claim-value=target` });
          return z.NEVER;
        }
        entries.push([pair.slice(0, at).trim(), parsed.data]);
      }
      return entries;
    });

const ZProviderId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "ids are lower-case letters, digits and dashes, starting with a letter");

const ZProviderEnv = z.object({
  ISSUER: z.url(),
  CLIENT_ID: z.string().min(1),
  CLIENT_SECRET: z.string().min(1),
  NAME: z.string().min(1).max(60),
  // Email domains whose people may sign in (lower-case); empty lets any verified email in.
  ALLOWED_DOMAINS: zCommaList.transform((list) => list.map((d) => d.toLowerCase())),
  // The claim (a string or a list of strings, e.g. `groups`) whose values pick the role of an
  // account created at first sign-in; unmatched or absent: ANNOTATOR.
  ROLE_CLAIM: z.string().min(1).optional(),
  ROLE_MAP: claimMap(ZRole),
  // The claim whose values add the account to pools (by pool name) at every sign-in.
  POOL_CLAIM: z.string().min(1).optional(),
  POOL_MAP: claimMap(z.string().min(1)),
  SCOPES: z.string().min(1).default("openid email profile"),
});

export type TOidcProvider = { id: string; allowInsecureHttp: boolean } & z.infer<typeof ZProviderEnv>;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The providers named in OIDC_PROVIDERS, each from its `OIDC_<ID>_*` variables. Plain http to
 * the issuer is allowed only for a loopback issuer under NODE_ENV=test or with
 * OIDC_ALLOW_INSECURE_LOOPBACK=true (a developer's local IdP): anywhere else, tokens and the
 * client secret would cross the network in clear.
 */
export function parseOidcProviders(
  env: Record<string, string | undefined>,
  ids: string[],
  allowLoopbackHttp: boolean,
): { providers: TOidcProvider[]; issues: string[] } {
  const providers: TOidcProvider[] = [];
  const issues: string[] = [];
  for (const id of ids) {
    const prefix = `OIDC_${id.toUpperCase().replaceAll("-", "_")}_`;
    if (!ZProviderId.safeParse(id).success) {
      issues.push(`OIDC_PROVIDERS: "${id}": ids are lower-case letters, digits and dashes`);
      continue;
    }
    const raw = Object.fromEntries(
      Object.keys(ZProviderEnv.shape).map((key) => [key, env[`${prefix}${key}`] || undefined]),
    );
    const parsed = ZProviderEnv.safeParse(raw);
    if (!parsed.success) {
      // Names only: a value here may be the client secret.
      for (const issue of parsed.error.issues)
        issues.push(`${prefix}${issue.path.join(".")}: ${issue.message}`);
      continue;
    }
    const issuer = new URL(parsed.data.ISSUER);
    const insecure = issuer.protocol === "http:";
    if (insecure && !(allowLoopbackHttp && LOOPBACK_HOSTS.has(issuer.hostname))) {
      issues.push(
        `${prefix}ISSUER: must be https (http only for a loopback issuer under NODE_ENV=test or OIDC_ALLOW_INSECURE_LOOPBACK=true)`,
      );
      continue;
    }
    providers.push({ id, allowInsecureHttp: insecure, ...parsed.data });
  }
  if (new Set(ids).size !== ids.length) issues.push("OIDC_PROVIDERS: an id is listed twice");
  return { providers, issues };
}
