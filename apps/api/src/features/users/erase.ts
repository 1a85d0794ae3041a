import type { Db } from "@arbiter/db";
import type { TEraseUserBody, TEraseUserResponse } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import { toUserDto } from "../../lib/user-dto";

/**
 * An admin erases a person on request (see arbiter_erase_user for what goes and what stays).
 * One transaction: the erasure and its audit record land together or not at all. The record
 * says what was done, never whom it was done to beyond the account id.
 */
export async function eraseUser(
  db: Db,
  request: FastifyRequest,
  id: string,
  body: TEraseUserBody,
): Promise<TEraseUserResponse> {
  const actor = request.principal!.user;
  if (id === actor.id) throw conflict("own_access", "You cannot erase your own account");
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw notFound("User");
    if (user.erasedAt) throw conflict("already_erased", "This person has already been erased");
    if (body.confirmEmail !== user.email)
      throw badRequest("The email does not match the account's", [
        { path: "body.confirmEmail", message: "type the account's email to confirm" },
      ]);
    const [result] = await tx.$queryRaw<{ summary: { judgmentsDeleted: number; itemsReopened: number } }[]>`
      SELECT arbiter_erase_user(${id}::uuid, ${body.judgments === "delete"}) AS summary`;
    const summary = result!.summary;
    await audit(tx, request, {
      action: "user.erase",
      targetType: "user",
      targetId: id,
      data: { judgments: body.judgments === "delete" ? "deleted" : "kept", ...summary },
    });
    const erased = await tx.user.findUniqueOrThrow({ where: { id } });
    return { user: toUserDto(erased), ...summary };
  });
}
