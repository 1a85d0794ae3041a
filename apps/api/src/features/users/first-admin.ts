import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../lib/passwords";

/** Creates the admin named by ARBITER_ADMIN_EMAIL on first start; an existing account is left as it is. */
export async function ensureFirstAdmin(app: FastifyInstance): Promise<void> {
  const { ARBITER_ADMIN_EMAIL: email, ARBITER_ADMIN_PASSWORD: password } = app.config;
  if (!email || !password) return;
  const normalized = email.toLowerCase();
  const existing = await app.db.prisma.user.findUnique({ where: { email: normalized } });
  if (existing) return;
  await app.db.prisma.user.create({
    data: {
      email: normalized,
      name: "Administrator",
      role: "ADMIN",
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date(),
    },
  });
  app.log.info({ email: normalized }, "created the first admin from ARBITER_ADMIN_EMAIL");
}
