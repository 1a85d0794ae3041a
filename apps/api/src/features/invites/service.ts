import type { Invite } from "@arbiter/db";
import type { TAcceptInviteBody, TCreateInviteBody, TInvite, TInviteState } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { conflict, HttpError, notFound } from "../../lib/http-error";
import { hashPassword } from "../../lib/passwords";
import { hashToken, newSessionToken } from "../../lib/tokens";

export function inviteState(invite: Invite, now = new Date()): TInviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.uses >= invite.maxUses) return "exhausted";
  if (invite.expiresAt <= now) return "expired";
  return "active";
}

export function toInviteDto(invite: Invite): TInvite {
  return {
    id: invite.id,
    poolId: invite.poolId,
    role: invite.role as TInvite["role"],
    maxUses: invite.maxUses,
    uses: invite.uses,
    expiresAt: invite.expiresAt.toISOString(),
    createdAt: invite.createdAt.toISOString(),
    state: inviteState(invite),
  };
}

export async function createInvite(
  app: FastifyInstance,
  request: FastifyRequest,
  poolId: string,
  input: TCreateInviteBody,
): Promise<{ invite: Invite; token: string }> {
  const pool = await app.db.prisma.pool.findUnique({ where: { id: poolId } });
  if (!pool) throw notFound("Pool");
  const token = newSessionToken();
  const invite = await app.db.prisma.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: {
        poolId,
        tokenHash: hashToken(token),
        role: input.role,
        maxUses: input.maxUses,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
        createdById: request.principal!.user.id,
      },
    });
    await audit(tx, request, {
      action: "invite.create",
      targetType: "pool",
      targetId: poolId,
      data: { inviteId: created.id, role: input.role, maxUses: input.maxUses },
    });
    return created;
  });
  return { invite, token };
}

export async function findInvite(app: FastifyInstance, token: string) {
  const invite = await app.db.prisma.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { pool: { select: { name: true } } },
  });
  if (!invite) throw notFound("Invitation");
  return invite;
}

const REFUSALS: Record<Exclude<TInviteState, "active">, [string, string]> = {
  expired: ["invite_expired", "This invitation has expired; ask for a new one"],
  exhausted: ["invite_used", "This invitation has already been used"],
  revoked: ["invite_revoked", "This invitation was withdrawn"],
};

/**
 * Creates the invitee's account and puts them in the pool. Spending a use is a guarded
 * UPDATE in the same transaction, so an N-use link admits exactly N people however many
 * accept at once.
 */
export async function acceptInvite(
  app: FastifyInstance,
  request: FastifyRequest,
  token: string,
  input: TAcceptInviteBody,
) {
  const invite = await findInvite(app, token);
  const state = inviteState(invite);
  if (state !== "active") throw new HttpError(410, ...REFUSALS[state]);
  const passwordHash = await hashPassword(input.password);
  return app.db.prisma.$transaction(async (tx) => {
    const spent = await tx.invite.updateMany({
      where: { id: invite.id, revokedAt: null, expiresAt: { gt: new Date() }, uses: { lt: invite.maxUses } },
      data: { uses: { increment: 1 } },
    });
    if (!spent.count) throw new HttpError(410, ...REFUSALS.exhausted);
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw conflict(
        "email_taken",
        "An account with this email exists; sign in and ask an admin to add you",
        [{ path: "body.email" }],
      );
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: invite.role, passwordHash },
    });
    await tx.poolMember.create({ data: { poolId: invite.poolId, userId: user.id } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: "invite.accept",
        targetType: "pool",
        targetId: invite.poolId,
        data: { inviteId: invite.id },
        ip: request.ip,
      },
    });
    return user;
  });
}
