import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../client";
import { migrateDatabase, quoteIdent, repoRoot, withDatabase } from "../migrate";

/** The server test databases live on (any database of it; the name is replaced). */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// Serialises template creation between test processes running in parallel.
const TEMPLATE_LOCK_KEY = 72_616_274;

function migrationsHash(): string {
  const dir = path.join(repoRoot(), "prisma", "migrations");
  const hash = createHash("sha256");
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    hash.update(entry.name);
    hash.update(readFileSync(path.join(dir, entry.name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

/** A client on the test server's `postgres` database, for creating and dropping databases. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(TEST_SERVER_URL, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated template database, named after the migrations it holds, so a schema change
 * builds a new one and test databases are cheap `CREATE DATABASE ... TEMPLATE` copies.
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = `arbiter_tpl_${migrationsHash()}`;
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    try {
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) return;
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)}`);
      await admin.query(`CREATE DATABASE ${quoteIdent(building)}`);
      await migrateDatabase(withDatabase(TEST_SERVER_URL, building));
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}

export type TestDatabase = Db & {
  url: string;
  name: string;
  /** Closes the clients and drops the database. */
  drop: () => Promise<void>;
};

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = `arbiter_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  });
  const url = withDatabase(TEST_SERVER_URL, name);
  const db = createDb(url, { poolSize: 20, applicationName: "arbiter-test" });
  return {
    ...db,
    url,
    name,
    drop: async () => {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
