import { z } from "zod";

/** What ARBITER_SECRET is when unset: fine on a laptop, public knowledge everywhere else. */
export const DEV_ARBITER_SECRET = "dev-only-secret-change-me";
const PRODUCTION_MIN_LENGTH = 32;

// Keys the HMAC that pseudonymises annotators in exports (and crowd participants' emails);
// the API and the worker must share it, and it must stay stable per installation.
export const ZArbiterSecret = z
  .string()
  .min(16, "must be at least 16 characters")
  .default(DEV_ARBITER_SECRET);

/**
 * A production process refuses the development default and short secrets: with either, anyone
 * holding an export could recompute the pseudonyms from candidate emails and ids.
 */
export function checkProductionSecret(
  env: { NODE_ENV: string; ARBITER_SECRET: string },
  ctx: z.RefinementCtx,
): void {
  if (env.NODE_ENV !== "production") return;
  if (env.ARBITER_SECRET === DEV_ARBITER_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["ARBITER_SECRET"],
      message: `is the development default; with NODE_ENV=production set a random value of at least ${PRODUCTION_MIN_LENGTH} characters`,
    });
  } else if (env.ARBITER_SECRET.length < PRODUCTION_MIN_LENGTH) {
    ctx.addIssue({
      code: "custom",
      path: ["ARBITER_SECRET"],
      message: `must be at least ${PRODUCTION_MIN_LENGTH} characters with NODE_ENV=production`,
    });
  }
}
