import type { User } from "@arbiter/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { dummyPasswordHash, verifyPassword } from "../../lib/passwords";
import { hashToken, newSessionToken } from "../../lib/tokens";
import { SESSION_COOKIE } from "../../plugins/auth";

/** The user if the password is right; the same work is done when the email is unknown. */
export async function checkCredentials(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<User | null> {
  const user = await app.db.prisma.user.findUnique({ where: { email } });
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const ok = await verifyPassword(password, hash);
  if (!ok || !user?.passwordHash || user.status !== "ACTIVE") return null;
  return user;
}

/** A new session on every sign-in, so an identifier planted before login is worthless. */
export async function startSession(
  app: FastifyInstance,
  userId: string,
  meta: { ip: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + app.config.SESSION_TTL_HOURS * 3_600_000);
  await app.db.prisma.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  });
  return { token, expiresAt };
}

export async function revokeSession(app: FastifyInstance, sessionId: string): Promise<void> {
  await app.db.prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Ends every session of a user: on suspension and on password change. */
export async function revokeAllSessions(
  client: Pick<FastifyInstance["db"]["prisma"], "session">,
  userId: string,
): Promise<void> {
  await client.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Starts a session and hands its cookie to the browser (sign-in, invitation, crowd entry). */
export async function signIn(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const session = await startSession(app, userId, {
    ip: request.ip,
    userAgent: request.headers["user-agent"],
  });
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    expires: session.expiresAt,
  });
}
