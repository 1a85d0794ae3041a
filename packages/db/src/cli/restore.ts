// `npm run db:restore -- --from DIR [--force]`: checks a backup's checksums, restores it into
// DATABASE_URL and EXPORT_DIR and compares the restored row counts. See docs/operations.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreBackup } from "../backup/restore";
import { ensureDatabaseExists } from "../migrate";
import { cliSettings } from "./settings";

const { values } = parseArgs({
  options: { from: { type: "string" }, force: { type: "boolean", default: false } },
});
if (!values.from) {
  console.error("usage: npm run db:restore -- --from DIR [--force]");
  process.exit(2);
}
const { databaseUrl, exportDir, safeUrl } = cliSettings();
try {
  await ensureDatabaseExists(databaseUrl);
  const manifest = await restoreBackup({
    databaseUrl,
    exportDir,
    from: path.resolve(values.from),
    force: values.force,
  });
  console.log(
    `restored ${safeUrl} to the backup of ${manifest.createdAt} (migration ${manifest.database.migration ?? "none"}) and ${manifest.exports.length} export files into ${exportDir}; row counts match`,
  );
} catch (err) {
  console.error(`restore failed: ${(err as Error).message}`);
  process.exit(1);
}
