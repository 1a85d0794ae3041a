import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { listExportFiles, sha256File } from "./files";
import {
  type BackupManifest,
  DUMP_FILE,
  EXPORTS_FOLDER,
  lastMigration,
  MANIFEST_FILE,
  tableCounts,
} from "./manifest";
import { runPgTool, toolMajorVersion } from "./pg-tools";

export type CreateBackupOptions = { databaseUrl: string; exportDir: string; outDir: string };

/**
 * Writes `outDir/database.dump` (pg_dump, custom format), a copy of every finished export file
 * under `outDir/exports/`, and `outDir/backup.json` with checksums and row counts. The dump and
 * the counts come from one exported snapshot, so the counts describe exactly what was dumped
 * while the service keeps writing.
 */
export async function createBackup({
  databaseUrl,
  exportDir,
  outDir,
}: CreateBackupOptions): Promise<BackupManifest> {
  await mkdir(outDir, { recursive: true });
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "arbiter-backup" });
  await client.connect();
  try {
    const server = Number((await client.query<{ v: string }>("SHOW server_version_num")).rows[0]!.v);
    const tool = await toolMajorVersion("pg_dump");
    if (tool < Math.floor(server / 10_000))
      throw new Error(
        `pg_dump ${tool} cannot dump a PostgreSQL ${Math.floor(server / 10_000)} server: install a matching postgresql-client or set PG_BIN_DIR`,
      );
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const counts = await tableCounts(client);
    const migration = await lastMigration(client);
    const dumpFile = path.join(outDir, DUMP_FILE);
    await runPgTool(
      "pg_dump",
      ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${dumpFile}`],
      databaseUrl,
    );
    await client.query("COMMIT");

    const exports = await listExportFiles(exportDir);
    for (const file of exports) {
      const target = path.join(outDir, EXPORTS_FOLDER, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(exportDir, file.path), target);
    }
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: {
        file: DUMP_FILE,
        bytes: (await stat(dumpFile)).size,
        sha256: await sha256File(dumpFile),
        migration,
        counts,
      },
      exportRoot: path.resolve(exportDir),
      exports,
    };
    await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}
