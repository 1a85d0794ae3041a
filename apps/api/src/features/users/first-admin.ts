import type { Db } from "@arbiter/db";
import type { FastifyBaseLogger } from "fastify";
import type { TApiEnv } from "../../env";
import { hashPassword } from "../../lib/passwords";

/** Creates the admin named by ARBITER_ADMIN_EMAIL on first start; an existing account is left as it is. */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<TApiEnv, "ARBITER_ADMIN_EMAIL" | "ARBITER_ADMIN_PASSWORD">,
  log: FastifyBaseLogger,
): Promise<void> {
  const { ARBITER_ADMIN_EMAIL: email, ARBITER_ADMIN_PASSWORD: password } = config;
  if (!email || !password) return;
  const normalized = email.toLowerCase();
  const existing = await db.prisma.user.findUnique({ where: { email: normalized } });
  if (existing) return;
  await db.prisma.user.create({
    data: {
      email: normalized,
      name: "Administrator",
      role: "ADMIN",
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date(),
    },
  });
  log.info({ email: normalized }, "created the first admin from ARBITER_ADMIN_EMAIL");
}
