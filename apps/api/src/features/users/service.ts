import type { Db, Prisma, User } from "@arbiter/db";
import type { TCreateUserBody, TUpdateUserBody, TUser } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { conflict, notFound } from "../../lib/http-error";
import { page, pageArgs } from "../../lib/pagination";
import { hashPassword } from "../../lib/passwords";
import { toUserDto } from "../../lib/user-dto";
import { revokeAllSessions } from "../auth/service";

export async function createUser(db: Db, request: FastifyRequest, input: TCreateUserBody) {
  const existing = await db.prisma.user.findUnique({ where: { email: input.email } });
  if (existing)
    throw conflict("email_taken", "A user with this email already exists", [{ path: "body.email" }]);
  const passwordHash = await hashPassword(input.password);
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        passwordChangedAt: new Date(),
      },
    });
    await audit(tx, request, {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      data: { email: user.email, role: user.role },
    });
    return user;
  });
}

export async function updateUser(
  db: Db,
  request: FastifyRequest,
  id: string,
  input: TUpdateUserBody,
): Promise<User> {
  const actor = request.principal!.user;
  if (id === actor.id && ((input.role && input.role !== actor.role) || input.status === "SUSPENDED")) {
    throw conflict("own_access", "You cannot change your own role or suspend yourself");
  }
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound("User");
    if (before.erasedAt) throw conflict("erased", "An erased account cannot be changed or reinstated");
    const user = await tx.user.update({ where: { id }, data: input });
    if (input.status === "SUSPENDED" && before.status !== "SUSPENDED") {
      // Takes effect at once: sessions and API keys end for good (reinstating the account
      // does not bring them back) and open leases go back to the queue.
      await revokeAllSessions(tx, id);
      await tx.apiKey.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.assignment.updateMany({
        where: { annotatorId: id, status: "ACTIVE", expiresAt: { gt: new Date() } },
        data: { expiresAt: new Date() },
      });
    }
    const changes: Prisma.InputJsonObject = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, { from: before[k as keyof typeof input], to: v }]),
    );
    const action =
      input.status && input.status !== before.status
        ? input.status === "SUSPENDED"
          ? "user.suspend"
          : "user.reinstate"
        : "user.update";
    await audit(tx, request, { action, targetType: "user", targetId: id, data: changes });
    return user;
  });
}

export function userFilter(query: { role?: string; status?: string; q?: string }): Prisma.UserWhereInput {
  return {
    ...(query.role ? { role: query.role as User["role"] } : {}),
    ...(query.status ? { status: query.status as User["status"] } : {}),
    ...(query.q
      ? {
          OR: [
            { email: { contains: query.q, mode: "insensitive" as const } },
            { name: { contains: query.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

/** Users matching the filter, newest first, a page at a time. */
export async function listUsers(
  db: Db,
  query: { role?: string; status?: string; q?: string; cursor?: string; limit: number },
): Promise<{ users: TUser[]; nextCursor: string | null }> {
  const rows = await db.prisma.user.findMany({ where: userFilter(query), ...pageArgs(query) });
  const { items, nextCursor } = page(rows, query.limit);
  return { users: items.map(toUserDto), nextCursor };
}

export async function getUser(db: Db, id: string): Promise<TUser> {
  const user = await db.prisma.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  return toUserDto(user);
}
