import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { listExportFiles, sha256File } from "./files";
import { type BackupManifest, DUMP_FILE, EXPORTS_FOLDER, MANIFEST_FILE, tableCounts } from "./manifest";
import { runPgTool } from "./pg-tools";

export type RestoreOptions = {
  databaseUrl: string;
  exportDir: string;
  from: string;
  /** Replace a database that already holds data (its tables are dropped first). */
  force?: boolean;
};

/**
 * Checks every checksum of a backup, restores the dump into the database and the export files
 * into the exports folder, then compares the restored row counts with the backup's. Throws,
 * saying what differs, on any mismatch.
 */
export async function restoreBackup({
  databaseUrl,
  exportDir,
  from,
  force,
}: RestoreOptions): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(path.join(from, MANIFEST_FILE), "utf8")) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`unknown backup format ${String(manifest.format)}`);
  const dumpFile = path.join(from, DUMP_FILE);
  if ((await sha256File(dumpFile)) !== manifest.database.sha256)
    throw new Error(`${DUMP_FILE} does not match its checksum in ${MANIFEST_FILE}`);
  for (const file of manifest.exports)
    if ((await sha256File(path.join(from, EXPORTS_FOLDER, file.path))) !== file.sha256)
      throw new Error(`exports/${file.path} does not match its checksum in ${MANIFEST_FILE}`);

  const client = new pg.Client({ connectionString: databaseUrl, application_name: "arbiter-restore" });
  await client.connect();
  try {
    const existing = await tableCounts(client);
    const rows = Object.values(existing).reduce((sum, n) => sum + n, 0);
    if (rows > 0 && !force)
      throw new Error(
        `the target database already holds ${rows} rows; restore into an empty database, or pass --force to replace it`,
      );
    await runPgTool(
      "pg_restore",
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${libpqDatabase(databaseUrl)}`,
        dumpFile,
      ],
      databaseUrl,
    );
    await moveExportPaths(client, manifest.exportRoot, path.resolve(exportDir));
    const restored = await tableCounts(client);
    const differing = Object.keys({ ...restored, ...manifest.database.counts }).filter(
      (table) => restored[table] !== manifest.database.counts[table],
    );
    if (differing.length)
      throw new Error(
        `restored row counts differ from the backup's: ${differing
          .map((t) => `${t} ${restored[t] ?? "missing"} ≠ ${manifest.database.counts[t] ?? "missing"}`)
          .join(", ")}`,
      );
  } finally {
    await client.end();
  }

  for (const file of manifest.exports) {
    const target = path.join(exportDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(from, EXPORTS_FOLDER, file.path), target);
  }
  const copied = new Map((await listExportFiles(exportDir)).map((f) => [f.path, f.sha256]));
  const missing = manifest.exports.filter((f) => copied.get(f.path) !== f.sha256);
  if (missing.length)
    throw new Error(`export files not restored intact: ${missing.map((f) => f.path).join(", ")}`);
  return manifest;
}

/**
 * Export rows record where their files lie; restored into another folder, those paths follow.
 */
async function moveExportPaths(client: pg.Client, from: string, to: string): Promise<void> {
  if (from === to) return;
  const { rows } = await client.query<{ id: string; files: unknown }>("SELECT id, files FROM exports");
  for (const row of rows) {
    if (!Array.isArray(row.files)) continue;
    const files = row.files.map((file: { path?: unknown }) =>
      typeof file.path === "string" && file.path.startsWith(`${from}${path.sep}`)
        ? { ...file, path: path.join(to, path.relative(from, file.path)) }
        : file,
    );
    await client.query("UPDATE exports SET files = $2 WHERE id = $1", [row.id, JSON.stringify(files)]);
  }
}

/** pg_restore takes its target with --dbname; the rest of the connection comes from libpq's env. */
function libpqDatabase(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}
