import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BackupManifest, tableCounts } from "@arbiter/db";
import { withAdmin } from "@arbiter/db/testing";
import { ZExportRequest } from "@arbiter/shared";
import {
  createTestDatabase,
  localBin,
  REPO_ROOT,
  runProcess,
  seedBradleyTerryProject,
  type TestDatabase,
} from "@arbiter/testkit";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runExport, type StoredExportFile } from "../src/features/export/run-export";

const work = mkdtempSync(path.join(tmpdir(), "arbiter-backup-"));
const exportDir = path.join(work, "exports");
const restoredExportDir = path.join(work, "restored-exports");
const backupDir = path.join(work, "backup");
let db: TestDatabase;
let restoredUrl: string;
let exportId: string;

/** The two commands as an operator runs them (`npm run db:backup` / `db:restore` run these files). */
const cli = (script: "backup" | "restore", args: string[], env: Record<string, string>) =>
  runProcess(localBin("tsx"), [path.join(REPO_ROOT, `packages/db/src/cli/${script}.ts`), ...args], {
    cwd: REPO_ROOT,
    env,
    timeoutMs: 120_000,
  });

beforeAll(async () => {
  db = await createTestDatabase();
  const { projectId, ownerId } = await seedBradleyTerryProject(db.pool, { judgments: 3_000, tieRate: 0 });
  const created = await db.prisma.export.create({
    data: {
      projectId,
      format: "trl",
      params: ZExportRequest.parse({ format: "trl", splits: { train: 0.8, test: 0.2 } }),
      createdById: ownerId,
    },
  });
  exportId = created.id;
  await runExport({ pool: db.pool, secret: "backup-test-secret-0123456789abcdef", exportDir }, exportId);
  // An export still being written: not part of any backup.
  mkdirSync(path.join(exportDir, ".tmp-unfinished-1234"));
  writeFileSync(path.join(exportDir, ".tmp-unfinished-1234", "train.jsonl"), "{}\n");
  restoredUrl = db.url.replace(`/${db.name}`, `/${db.name}_restored`);
});
afterAll(async () => {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${db.name}_restored" WITH (FORCE)`));
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

async function countsOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = await tableCounts(client);
    // The judgments themselves, not only how many: every column of every row.
    const { rows } = await client.query<{ digest: string }>(
      "SELECT md5(string_agg(j::text, '|' ORDER BY j.id)) AS digest FROM judgments j",
    );
    const functions = await client.query("SELECT 1 FROM pg_proc WHERE pronamespace = 'public'::regnamespace");
    return { counts, judgmentsDigest: rows[0]!.digest, functions: functions.rowCount };
  } finally {
    await client.end();
  }
}

it("backs up the database and the finished exports, and restores both into an empty database", async () => {
  const backup = await cli("backup", ["--out", backupDir], { DATABASE_URL: db.url, EXPORT_DIR: exportDir });
  expect(backup.status, backup.output).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(backupDir, "backup.json"), "utf8")) as BackupManifest;
  const original = await countsOf(db.url);
  expect(manifest.database.counts).toEqual(original.counts);
  expect(manifest.database.counts.judgments).toBe(3_000);
  expect(manifest.database.migration).toMatch(/^\d{14}_/);
  expect(manifest.exports.map((f) => f.path)).not.toContainEqual(expect.stringContaining(".tmp-"));

  const restore = await cli("restore", ["--from", backupDir], {
    DATABASE_URL: restoredUrl,
    EXPORT_DIR: restoredExportDir,
  });
  expect(restore.status, restore.output).toBe(0);
  expect(await countsOf(restoredUrl)).toEqual(original);

  // The export row and its files come back together: the same bytes where the row says.
  const restoredDb = new pg.Client({ connectionString: restoredUrl });
  await restoredDb.connect();
  const { rows } = await restoredDb.query<{ files: StoredExportFile[] }>(
    "SELECT files FROM exports WHERE id = $1",
    [exportId],
  );
  await restoredDb.end();
  const originals = (await db.prisma.export.findUniqueOrThrow({ where: { id: exportId } }))
    .files as unknown as StoredExportFile[];
  const restored = rows[0]!.files;
  expect(restored.map((f) => f.name)).toEqual(originals.map((f) => f.name));
  expect(originals.length).toBeGreaterThan(0);
  for (const [i, file] of restored.entries()) {
    expect(file.path.startsWith(`${restoredExportDir}${path.sep}`), file.path).toBe(true);
    expect(readFileSync(file.path).equals(readFileSync(originals[i]!.path)), file.name).toBe(true);
  }
});

it("refuses to restore over a database that holds data unless told to", async () => {
  const refused = await cli("restore", ["--from", backupDir], {
    DATABASE_URL: db.url,
    EXPORT_DIR: exportDir,
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/already holds \d+ rows.*--force/);
});

it("refuses a backup whose files do not match their checksums, naming the file", async () => {
  const [first] = (JSON.parse(readFileSync(path.join(backupDir, "backup.json"), "utf8")) as BackupManifest)
    .exports;
  writeFileSync(path.join(backupDir, "exports", first!.path), "tampered\n");
  const refused = await cli("restore", ["--from", backupDir, "--force"], {
    DATABASE_URL: restoredUrl,
    EXPORT_DIR: restoredExportDir,
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`exports/${first!.path} does not match its checksum`);
});
