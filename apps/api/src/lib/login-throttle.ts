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
  return new HttpError(
    429,
    "account_locked",
    `Too many failed sign-ins for this account; try again in ${waitText(seconds)}`,
    { retryAfterSeconds: seconds },
    { "retry-after": String(seconds) },
  );
}

const ADDRESS_WINDOW_MS = 15 * 60_000;
const MAX_TRACKED_ADDRESSES = 100_000;

/**
 * Failed sign-ins per client address, whatever the emails: the per-(address, email) rate
 * limit and the per-account lockout both let one address try a common password on thousands
 * of accounts (password spraying). Once an address has `limit` failures in its window, every
 * sign-in from it is refused until the window ends, the right password included: otherwise
 * the spray would go on learning which guesses hit. Successes do not count, so many people
 * behind one NAT sign in freely. Counted in memory per API process, like the rate limit.
 */
export function createAddressThrottle(limit: number, windowMs = ADDRESS_WINDOW_MS) {
  const windows = new Map<string, { failures: number; endsAt: number }>();

  function assertAllowed(address: string): void {
    const current = windows.get(address);
    if (!current) return;
    const left = current.endsAt - Date.now();
    if (left <= 0) windows.delete(address);
    else if (current.failures >= limit) throw addressLimitedError(Math.ceil(left / 1000));
  }

  function recordFailure(address: string): void {
    const current = windows.get(address);
    if (current && current.endsAt > Date.now()) {
      current.failures += 1;
      return;
    }
    windows.delete(address);
    windows.set(address, { failures: 1, endsAt: Date.now() + windowMs });
    // Oldest window first: what is dropped is the address closest to being forgiven anyway.
    if (windows.size > MAX_TRACKED_ADDRESSES) windows.delete(windows.keys().next().value!);
  }

  return { assertAllowed, recordFailure };
}

export type AddressThrottle = ReturnType<typeof createAddressThrottle>;

function addressLimitedError(seconds: number): HttpError {
  return new HttpError(
    429,
    "address_limited",
    `Too many failed sign-ins from your network; try again in ${waitText(seconds)}`,
    { retryAfterSeconds: seconds },
    { "retry-after": String(seconds) },
  );
}

function waitText(seconds: number): string {
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}
