import type pg from "pg";
import { quoteIdent } from "../migrate";
import type { FileEntry } from "./files";

export const MANIFEST_FILE = "backup.json";
export const DUMP_FILE = "database.dump";
export const EXPORTS_FOLDER = "exports";

export type BackupManifest = {
  format: 1;
  createdAt: string;
  database: {
    file: typeof DUMP_FILE;
    bytes: number;
    sha256: string;
    /** The last migration applied: a restore onto older code would not match its schema. */
    migration: string | null;
    /** Rows per table, read in the same snapshot pg_dump copied. */
    counts: Record<string, number>;
  };
  /** The exports folder backed up; export rows name their files by absolute path under it. */
  exportRoot: string;
  exports: FileEntry[];
};

/** Row counts of every table of the public schema, as this connection's snapshot sees them. */
export async function tableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM public.${quoteIdent(name)}`,
    );
    counts[name] = Number(rows[0]!.n);
  }
  return counts;
}

export async function lastMigration(client: pg.ClientBase): Promise<string | null> {
  const exists = await client.query(
    "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'",
  );
  if (!exists.rowCount) return null;
  const { rows } = await client.query<{ name: string }>(
    "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1",
  );
  return rows[0]?.name ?? null;
}
