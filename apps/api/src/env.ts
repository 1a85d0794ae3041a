import { isIP } from "node:net";
import { REESTIMATE_DEBOUNCE_MS, ZCredentialEnv, ZEgressEnv } from "@arbiter/jobs";
import { emptyAsUnset, ZMetricsEnv } from "@arbiter/observability";
import { checkProductionSecret, splitList, ZArbiterSecret, zCommaList } from "@arbiter/shared";
import { z } from "zod";
import { parseOidcProviders, type TOidcProvider } from "./env-oidc";

const envFlag = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1");

export const ZApiEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/arbiter"),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
    // Prefix of the BullMQ keys; the worker must use the same one.
    REDIS_PREFIX: z.string().min(1).optional(),
    // How long one read of a battle's event stream waits before the API sends a keep-alive
    // comment (and checks whether the battle ended).
    ARENA_SSE_BLOCK_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
    API_HOST: z.string().min(1).default("127.0.0.1"),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    // After SIGTERM, how long the API keeps serving with /readyz answering 503 before it stops
    // accepting connections: at least the time a load balancer takes to see it unready (under
    // Kubernetes, the readiness period times its failure threshold, plus endpoint propagation).
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ARBITER_SECRET: ZArbiterSecret,
    // Keys the encryption of generators' API keys (HKDF); ARBITER_SECRET when unset. The worker
    // must have the same value. Changing it makes stored keys unreadable: they must be given again.
    ...ZCredentialEnv,
    ARBITER_ADMIN_EMAIL: z.email().optional(),
    ARBITER_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    // Extra origins allowed to send cookie-authenticated writes (comma separated).
    ARBITER_TRUSTED_ORIGINS: zCommaList.pipe(z.array(z.url())),
    // Where users reach the web app; invitation and crowd links are built from it. When unset
    // they are built from the request, which is right unless a proxy rewrites the host.
    ARBITER_PUBLIC_URL: z.url().optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .default(24 * 14),
    // A session also ends after this long without a request (checked to the last-seen
    // resolution, see plugins/auth.ts).
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 365)
      .default(120),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    // How long after an answer to an adaptive project its refit runs (answers in that wait
    // share the fit); also the least time between two asks per project from one process.
    ADAPTIVE_REFIT_DELAY_MS: z.coerce.number().int().min(100).max(600_000).default(REESTIMATE_DEBOUNCE_MS),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    // Failed sign-ins per address in a 15-minute window, whatever the emails: password spraying
    // (one guess at many accounts) passes both the per-(address, email) limit and the lockout.
    LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(20),
    // Per account (by email), on top of the per-address limit: after this many failures in a
    // row, each further failure locks sign-in for base * 2^(failures - threshold) seconds, capped.
    LOGIN_LOCKOUT_AFTER: z.coerce.number().int().min(1).default(10),
    LOGIN_LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).default(15),
    LOGIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    IMPORT_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
    // An import upload that sends nothing for this long is answered 408 and its connection
    // closed, instead of holding a request and a database connection until Node gives up.
    IMPORT_READ_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    EXPORT_DIR: z.string().min(1).default("./exports"),
    // Whose X-Forwarded-For to believe: false (nobody: the client is the socket's peer), true
    // (everyone: only behind a proxy that overwrites the header), or the addresses/CIDRs of the
    // proxies in front, e.g. the web app's (it proxies /api and sets the header from its socket).
    TRUST_PROXY: z.string().default("false").transform(parseTrustProxy),
    // Base URLs of generators are refused when they point at loopback, link-local, metadata or
    // unspecified addresses (and private ones with GENERATOR_DENY_PRIVATE), unless allowed here.
    // Same values as the worker's, which applies them to every connection.
    ...ZEgressEnv,
    // Prometheus metrics: served at /metrics on this listener when METRICS_TOKEN is set (Bearer),
    // and on a listener of their own when METRICS_PORT is set; neither by default.
    ...ZMetricsEnv,
    METRICS_HOST: z.string().min(1).default("127.0.0.1"),
    METRICS_PORT: emptyAsUnset(z.coerce.number().int().min(0).max(65535)),
    // Single sign-on: the ids of the OpenID providers (comma separated), each configured by
    // its OIDC_<ID>_* variables (see env-oidc.ts and docs/sso.md).
    OIDC_PROVIDERS: zCommaList,
    // Password sign-in refuses ADMIN and RESEARCHER accounts; unset it to get back in with a
    // password when the identity provider is down (the create-admin CLI works either way).
    OIDC_REQUIRE_FOR_STAFF: envFlag,
    // Lets a developer's identity provider on 127.0.0.1/localhost be reached over plain http.
    OIDC_ALLOW_INSECURE_LOOPBACK: envFlag,
  })
  .superRefine(checkProductionSecret);

const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, a CIDR (or address/netmask), or one of proxy-addr's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (version === 4 ? 32 : 128);
  return version === 4 && isIP(prefix) === 4;
}

function parseTrustProxy(value: string, ctx: z.RefinementCtx): boolean | string[] {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0" || v === "") return false;
  const list = splitList(value);
  const bad = list.filter((s) => !isProxyAddress(s));
  if (bad.length > 0) {
    ctx.addIssue({
      code: "custom",
      message: `true, false, or a comma-separated list of proxy addresses or CIDRs; not ${bad.join(", ")}`,
    });
    return z.NEVER;
  }
  return list;
}

export type TApiEnv = z.infer<typeof ZApiEnv> & { oidcProviders: TOidcProvider[] };

/** Parses the environment, or explains which variable is wrong. */
export function parseApiEnv(env: Record<string, string | undefined>): TApiEnv {
  const parsed = ZApiEnv.safeParse(env);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  if (parsed.success) {
    const { OIDC_PROVIDERS, NODE_ENV, OIDC_ALLOW_INSECURE_LOOPBACK, OIDC_REQUIRE_FOR_STAFF } = parsed.data;
    const oidc = parseOidcProviders(env, OIDC_PROVIDERS, NODE_ENV === "test" || OIDC_ALLOW_INSECURE_LOOPBACK);
    lines.push(...oidc.issues.map((issue) => `  ${issue}`));
    if (OIDC_REQUIRE_FOR_STAFF && OIDC_PROVIDERS.length === 0)
      lines.push("  OIDC_REQUIRE_FOR_STAFF: needs at least one provider in OIDC_PROVIDERS");
    if (lines.length === 0) return { ...parsed.data, oidcProviders: oidc.providers };
  }
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
