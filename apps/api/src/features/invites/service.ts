import type { Db, Invite } from "@arbiter/db";
import type { TAcceptInviteBody, TCreateInviteBody, TInvite, TInviteState } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { HttpError, notFound } from "../../lib/http-error";
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
  db: Db,
  request: FastifyRequest,
  poolId: string,
  input: TCreateInviteBody,
): Promise<{ invite: Invite; token: string }> {
  const pool = await db.prisma.pool.findUnique({ where: { id: poolId } });
  if (!pool) throw notFound("Pool");
  const token = newSessionToken();
  const invite = await db.prisma.$transaction(async (tx) => {
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

export async function findInvite(db: Db, token: string) {
  const invite = await db.prisma.invite.findUnique({
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
 * Accepts an invitation without saying whether the email already has an account: the answer,
 * its timing (the password is hashed either way) and the cookies (none) are the same. A new
 * email gets its account, with the chosen password, in the pool at once: whoever chose that
 * password owns the account, so there is nothing left to prove. An email that already has an
 * account gets nothing changed: a claim is recorded, and the membership is granted when the
 * owner signs in with their own password (grantInviteClaims). Both spend a use, so the link's
 * state tells nothing either. Spending is a guarded UPDATE in the same transaction, so an
 * N-use link admits exactly N acceptances however many arrive at once.
 */
export async function acceptInvite(
  db: Db,
  request: FastifyRequest,
  token: string,
  input: TAcceptInviteBody,
): Promise<void> {
  const invite = await findInvite(db, token);
  const state = inviteState(invite);
  if (state !== "active") throw new HttpError(410, ...REFUSALS[state]);
  const passwordHash = await hashPassword(input.password);
  await db.prisma.$transaction(async (tx) => {
    const spent = await tx.invite.updateMany({
      where: { id: invite.id, revokedAt: null, expiresAt: { gt: new Date() }, uses: { lt: invite.maxUses } },
      data: { uses: { increment: 1 } },
    });
    if (!spent.count) throw new HttpError(410, ...REFUSALS.exhausted);
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    if (existing) {
      await tx.inviteClaim.upsert({
        where: { inviteId_userId: { inviteId: invite.id, userId: existing.id } },
        create: { inviteId: invite.id, userId: existing.id },
        update: {},
      });
      await tx.auditEvent.create({
        data: {
          actorId: null,
          action: "invite.claim",
          targetType: "pool",
          targetId: invite.poolId,
          data: { inviteId: invite.id, userId: existing.id },
          ip: request.ip,
        },
      });
      return;
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
  });
}

/**
 * On a password sign-in: the pools whose invitations were accepted with this account's email
 * take it in, unless the invitation was withdrawn meanwhile. Nothing else about the account
 * changes (its role stays). One indexed query when there is nothing to grant.
 */
export async function grantInviteClaims(db: Db, request: FastifyRequest, userId: string): Promise<void> {
  const claims = await db.prisma.inviteClaim.findMany({
    where: { userId },
    include: { invite: { select: { poolId: true, revokedAt: true } } },
  });
  if (claims.length === 0) return;
  await db.prisma.$transaction(async (tx) => {
    for (const { inviteId, invite } of claims) {
      if (invite.revokedAt) continue;
      await tx.poolMember.upsert({
        where: { poolId_userId: { poolId: invite.poolId, userId } },
        create: { poolId: invite.poolId, userId },
        update: {},
      });
      await tx.auditEvent.create({
        data: {
          actorId: userId,
          action: "invite.accept",
          targetType: "pool",
          targetId: invite.poolId,
          data: { inviteId, afterSignIn: true },
          ip: request.ip,
        },
      });
    }
    await tx.inviteClaim.deleteMany({ where: { userId, inviteId: { in: claims.map((c) => c.inviteId) } } });
  });
}

/** A pool's invitations, newest first (the latest 200). */
export async function listInvites(db: Db, poolId: string): Promise<TInvite[]> {
  const invites = await db.prisma.invite.findMany({
    where: { poolId },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return invites.map(toInviteDto);
}

/** Withdraws an unused, unrevoked invitation; accounts already created stay. */
export async function revokeInvite(db: Db, request: FastifyRequest, id: string): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const revoked = await tx.invite.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!revoked.count) throw notFound("Invitation");
    await audit(tx, request, { action: "invite.revoke", targetType: "invite", targetId: id });
  });
}
