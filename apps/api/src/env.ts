import { ZCredentialEnv, ZEgressEnv } from "@arbiter/jobs";
import { z } from "zod";

const ZBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const ZApiEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/arbiter"),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  // Prefix of the BullMQ keys; the worker must use the same one.
  REDIS_PREFIX: z.string().min(1).optional(),
  API_HOST: z.string().min(1).default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Keys the HMAC that pseudonymises annotators in exports; must stay stable per installation.
  ARBITER_SECRET: z.string().min(16, "must be at least 16 characters").default("dev-only-secret-change-me"),
  // Keys the encryption of generators' API keys (HKDF); ARBITER_SECRET when unset. The worker
  // must have the same value. Changing it makes stored keys unreadable: they must be given again.
  ...ZCredentialEnv,
  ARBITER_ADMIN_EMAIL: z.email().optional(),
  ARBITER_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  // Extra origins allowed to send cookie-authenticated writes (comma separated).
  ARBITER_TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  // Where users reach the web app; invitation and crowd links are built from it. When unset
  // they are built from the request, which is right unless a proxy rewrites the host.
  ARBITER_PUBLIC_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
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
  EXPORT_DIR: z.string().min(1).default("./exports"),
  TRUST_PROXY: ZBool.default(true),
  // Base URLs of generators are refused when they point at loopback, link-local, metadata or
  // unspecified addresses (and private ones with GENERATOR_DENY_PRIVATE), unless allowed here.
  // Same values as the worker's, which applies them to every connection.
  ...ZEgressEnv,
});

export type TApiEnv = z.infer<typeof ZApiEnv>;

/** Parses the environment, or explains which variable is wrong. */
export function parseApiEnv(env: Record<string, string | undefined>): TApiEnv {
  const parsed = ZApiEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
