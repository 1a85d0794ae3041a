import type { Db } from "@arbiter/db";
import type { TChangePasswordBody, TUpdateMeBody, TUser } from "@arbiter/shared";
import type { FastifyReply, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { HttpError } from "../../lib/http-error";
import type { LoginThrottle } from "../../lib/login-throttle";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { toUserDto } from "../../lib/user-dto";
import { signIn } from "../auth/service";

/** The signed-in user as stored now (not as the remembered principal has it). */
export async function getMe(db: Db, userId: string): Promise<TUser> {
  return toUserDto(await db.prisma.user.findUniqueOrThrow({ where: { id: userId } }));
}

export async function updateMe(db: Db, userId: string, body: TUpdateMeBody): Promise<TUser> {
  return toUserDto(await db.prisma.user.update({ where: { id: userId }, data: { locale: body.locale } }));
}

/**
 * A new password ends every session and API key of the account: whoever learnt the old
 * password may have signed in or minted a key with it, and "change your password" is what
 * a user does when they fear exactly that. The caller's browser gets a fresh session so the
 * person changing it stays signed in. Wrong current passwords count towards the account's
 * sign-in lockout: this route must not become a way around it.
 */
export async function changePassword(
  db: Db,
  /** SESSION_TTL_HOURS: for the fresh session of the caller's browser. */
  sessionTtlHours: number,
  throttle: LoginThrottle,
  request: FastifyRequest,
  reply: FastifyReply,
  body: TChangePasswordBody,
) {
  const principal = request.principal!;
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: principal.user.id } });
  await throttle.assertNotLocked(user.email);
  const ok = user.passwordHash ? await verifyPassword(body.currentPassword, user.passwordHash) : false;
  if (!ok) {
    await throttle.recordFailure(user.email);
    throw new HttpError(400, "wrong_password", "The current password is incorrect", [
      { path: "body.currentPassword", message: "is incorrect" },
    ]);
  }
  if (body.newPassword === body.currentPassword) {
    throw new HttpError(400, "validation_error", "body.newPassword: must differ from the current one", [
      { path: "body.newPassword", message: "must differ from the current one" },
    ]);
  }
  const passwordHash = await hashPassword(body.newPassword);
  const now = new Date();
  const result = await db.prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now },
    });
    const sessions = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    const apiKeys = await tx.apiKey.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    const revoked = { sessions: sessions.count, apiKeys: apiKeys.count };
    await audit(tx, request, {
      action: "user.password_change",
      targetType: "user",
      targetId: user.id,
      data: { revoked },
    });
    return { user: updated, revoked };
  });
  await throttle.recordSuccess(user.email);
  if (principal.via === "session")
    await signIn(db, sessionTtlHours, request, reply, user.id, { passwordChecked: true });
  return result;
}
