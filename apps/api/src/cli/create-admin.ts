// `npm run create-admin -- <email> <password> [name]`: creates an admin, or promotes and
// resets the password of an existing account. Falls back to ARBITER_ADMIN_EMAIL/PASSWORD.
import { createDb } from "@arbiter/db";
import { ZCreateUserBody } from "@arbiter/shared";
import { parseApiEnv } from "../env";
import { hashPassword } from "../lib/passwords";

const config = parseApiEnv(process.env);
const [email = config.ARBITER_ADMIN_EMAIL, password = config.ARBITER_ADMIN_PASSWORD, name = "Administrator"] =
  process.argv.slice(2);
const parsed = ZCreateUserBody.safeParse({ email, password, name, role: "ADMIN" });
if (!parsed.success) {
  console.error("usage: npm run create-admin -- <email> <password> [name]");
  for (const issue of parsed.error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
const db = createDb(config.DATABASE_URL, { poolSize: 1 });
try {
  const { password: plain, ...fields } = parsed.data;
  const passwordHash = await hashPassword(plain);
  const user = await db.prisma.user.upsert({
    where: { email: fields.email },
    create: { ...fields, passwordHash, passwordChangedAt: new Date() },
    update: { role: "ADMIN", status: "ACTIVE", passwordHash, passwordChangedAt: new Date() },
  });
  await db.prisma.session.updateMany({
    where: { userId: user.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  console.log(`admin ready: ${user.email}`);
} finally {
  await db.close();
}
