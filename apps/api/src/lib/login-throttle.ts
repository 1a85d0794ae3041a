import type pg from "pg";
import type { TApiEnv } from "../env";
import { HttpError } from "./http-error";
import { hashToken } from "./tokens";

// A run of failures older than this is forgotten: a user who mistypes once a week never
// accumulates towards a lock.
const FORGET_AFTER = "24 hours";

type LockoutConfig = Pick<
  TApiEnv,
  "LOGIN_LOCKOUT_AFTER" | "LOGIN_LOCKOUT_BASE_SECONDS" | "LOGIN_LOCKOUT_MAX_SECONDS"
>;

/**
 * Per-account backoff against password guessing spread over many addresses (the per-address
 * rate limit stops one address). Keyed by the email, known or not, so that a lock says
 * nothing about which accounts exist. Kept in Postgres: every API replica sees the same
 * count, and sign-in does not come to depend on Redis.
 */
export function createLoginThrottle(pool: pg.Pool, config: LockoutConfig) {
  const key = (email: string) => hashToken(email.toLowerCase());

  /** Throws 429 with Retry-After while the email is locked; the password is not even checked. */
  async function assertNotLocked(email: string): Promise<void> {
    const { rows } = await pool.query<{ seconds: number }>({
      name: "login-throttle-check",
      text: `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
               FROM login_throttles WHERE email_hash = $1 AND locked_until > now()`,
      values: [key(email)],
    });
    const seconds = rows[0]?.seconds;
    if (seconds) throw lockedError(seconds);
  }

  /** Counts a failure; from the threshold on, locks for an exponentially growing time. */
  async function recordFailure(email: string): Promise<void> {
    await pool.query({
      name: "login-throttle-fail",
      text: `INSERT INTO login_throttles AS t (email_hash, failures, last_failure_at)
             VALUES ($1, 1, now())
             ON CONFLICT (email_hash) DO UPDATE SET
               failures = CASE WHEN t.last_failure_at < now() - interval '${FORGET_AFTER}' THEN 1
                               ELSE t.failures + 1 END,
               last_failure_at = now()`,
      values: [key(email)],
    });
    await pool.query({
      name: "login-throttle-lock",
      text: `UPDATE login_throttles
                SET locked_until = now() + make_interval(secs =>
                      least($3::float8, $2::float8 * power(2, failures - $4)))
              WHERE email_hash = $1 AND failures >= $4`,
      values: [
        key(email),
        config.LOGIN_LOCKOUT_BASE_SECONDS,
        config.LOGIN_LOCKOUT_MAX_SECONDS,
        config.LOGIN_LOCKOUT_AFTER,
      ],
    });
  }

  async function recordSuccess(email: string): Promise<void> {
    await pool.query({
      name: "login-throttle-clear",
      text: "DELETE FROM login_throttles WHERE email_hash = $1",
      values: [key(email)],
    });
  }

  return { assertNotLocked, recordFailure, recordSuccess };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

function lockedError(seconds: number): HttpError {
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new HttpError(
    429,
    "account_locked",
    `Too many failed sign-ins for this account; try again in ${wait}`,
    { retryAfterSeconds: seconds },
    { "retry-after": String(seconds) },
  );
}
