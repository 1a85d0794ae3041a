// One export in a process of its own, so that its peak RSS is the export's alone.
import { createDb } from "@arbiter/db";
import { runExport } from "../src/features/export/run-export";

const [databaseUrl, exportId, exportDir] = process.argv.slice(2) as [string, string, string];
const db = createDb(databaseUrl, { poolSize: 2, applicationName: "arbiter-bench-export" });
const started = process.hrtime.bigint();
const result = await runExport({ pool: db.pool, secret: "bench-secret-0123456789", exportDir }, exportId);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await db.close();
// maxRSS is in kilobytes.
console.log(
  JSON.stringify({ rows: result?.rows ?? 0, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
);
