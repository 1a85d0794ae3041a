// `npm run db:backup -- [--out DIR]`: the database (pg_dump, custom format) and the exports
// folder, with checksums and row counts, into a new folder. See docs/operations.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "../backup/create";
import { cliSettings } from "./settings";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const { databaseUrl, exportDir, safeUrl } = cliSettings();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const outDir = path.resolve(values.out ?? path.join("backups", `arbiter-${stamp}`));
try {
  const manifest = await createBackup({ databaseUrl, exportDir, outDir });
  const rows = Object.values(manifest.database.counts).reduce((sum, n) => sum + n, 0);
  console.log(
    `backed up ${safeUrl} (${rows} rows in ${Object.keys(manifest.database.counts).length} tables, ${manifest.database.bytes} bytes) and ${manifest.exports.length} export files to ${outDir}`,
  );
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exit(1);
}
