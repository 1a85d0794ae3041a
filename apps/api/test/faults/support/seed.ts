import { createDb } from "@arbiter/db";
import type { TRole } from "@arbiter/shared";
import type { TestDatabase } from "@arbiter/testkit";
import { buildApp } from "../../../src/app";
import { parseApiEnv } from "../../../src/env";
import { createApiKey } from "../../../src/features/api-keys/service";
import { hashPassword } from "../../../src/lib/passwords";
import type { Harness, TestUser } from "../../support/harness";

/**
 * An in-process app on a database that is not a test template clone (a dedicated cluster),
 * shaped like the test harness so the usual seed helpers work; it only seeds, the process
 * under test serves.
 */
export async function seedingHarness(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Harness> {
  const db = createDb(databaseUrl, { poolSize: 4, applicationName: "arbiter-faults-seed" });
  const config = parseApiEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", NODE_ENV: "test", ...env });
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  const passwordHash = await hashPassword("faults suite password");
  let n = 0;
  async function user(role: TRole): Promise<TestUser> {
    n += 1;
    const email = `${role.toLowerCase()}-${n}-${Date.now()}@faults.example`;
    const created = await db.prisma.user.create({
      data: { email, name: `${role} ${n}`, role, passwordHash },
    });
    const { token } = await createApiKey(app.db, created.id, { name: "faults" });
    return { id: created.id, email, role, cookie: "", token };
  }
  return {
    app,
    db: { ...db, url: databaseUrl, drop: async () => undefined } as TestDatabase,
    user,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
