import type { Db, Prisma } from "@arbiter/db";
import type { FastifyRequest } from "fastify";

type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
};

type TxOrClient = Pick<Db["prisma"], "auditEvent">;

/** Records who did what; written in the same transaction as the change when one is given. */
export async function audit(
  client: TxOrClient,
  request: FastifyRequest,
  { action, targetType, targetId, data }: AuditInput,
): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: request.principal?.user.id ?? null,
      action,
      targetType,
      targetId: targetId ?? null,
      data: data ?? {},
      ip: request.ip,
    },
  });
}
