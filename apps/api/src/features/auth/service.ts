import type { Db, User } from "@arbiter/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "../../lib/http-error";
import type { LoginThrottle } from "../../lib/login-throttle";
import { dummyPasswordHash, verifyPassword } from "../../lib/passwords";
import { hashToken, newSessionToken } from "../../lib/tokens";
import { SESSION_COOKIE } from "../../plugins/auth";

/**
 * The user if the password is right; the same work is done when the email is unknown.
 * A suspended account is refused with its own code, but only once its password has been
 * verified: without the password, a suspended account looks like any wrong attempt.
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<User | null> {
  const user = await db.prisma.user.findUnique({ where: { email } });
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const ok = await verifyPassword(password, hash);
  if (!ok || !user?.passwordHash) return null;
  if (user.status !== "ACTIVE") throw accountSuspended();
  return user;
}

export const accountSuspended = () =>
  new HttpError(403, "account_suspended", "This account is suspended. Ask an administrator to reinstate it.");

export const ssoRequired = () =>
  new HttpError(
    403,
    "sso_required",
    "Staff accounts sign in with single sign-on here; use the button for your organisation's identity provider",
  );

/** A new session on every sign-in, so an identifier planted before login is worthless. */
export async function startSession(
  db: Db,
  /** SESSION_TTL_HOURS: how long the new session lasts at most. */
  sessionTtlHours: number,
  userId: string,
  meta: { ip: string; userAgent?: string; passwordChecked: boolean },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + sessionTtlHours * 3_600_000);
  await db.prisma.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      passwordCheckedAt: meta.passwordChecked ? new Date() : null,
    },
  });
  return { token, expiresAt };
}

/**
 * Checks the password of the session's account again and records the time on the session.
 * Wrong passwords count towards the account's lockout, as at sign-in. API keys cannot do
 * this: what it unlocks is meant for a person at a browser.
 */
export async function confirmPassword(
  db: Db,
  throttle: LoginThrottle,
  request: FastifyRequest,
  password: string,
): Promise<boolean> {
  const principal = request.principal!;
  if (principal.via !== "session") throw sessionRequired();
  await throttle.assertNotLocked(principal.user.email);
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: principal.user.id } });
  // A passwordless account (a crowd participant) has nothing to confirm; it takes as long.
  const hash = user.passwordHash ?? (await dummyPasswordHash());
  const ok = (await verifyPassword(password, hash)) && user.passwordHash !== null;
  if (!ok) {
    await throttle.recordFailure(user.email);
    return false;
  }
  await throttle.recordSuccess(user.email);
  await db.prisma.session.update({
    where: { id: principal.sessionId },
    data: { passwordCheckedAt: new Date() },
  });
  return true;
}

export const sessionRequired = () =>
  new HttpError(
    403,
    "session_required",
    "This needs a signed-in browser session and your password; an API key cannot do it",
  );

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Ends every session of a user: on suspension and on password change. */
export async function revokeAllSessions(
  client: Pick<Db["prisma"], "session">,
  userId: string,
): Promise<void> {
  await client.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Starts a session and hands its cookie to the browser (sign-in, password change, crowd
 * entry); `passwordChecked` when the caller has just proved the account's password.
 */
export async function signIn(
  db: Db,
  /** SESSION_TTL_HOURS: how long the new session lasts at most. */
  sessionTtlHours: number,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  { passwordChecked }: { passwordChecked: boolean },
) {
  const session = await startSession(db, sessionTtlHours, userId, {
    ip: request.ip,
    userAgent: request.headers["user-agent"],
    passwordChecked,
  });
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    expires: session.expiresAt,
  });
}
