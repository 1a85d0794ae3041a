// npm run bench:export [-- --judgments N]
// Seeds N judgments (default 1,000,000) in a database of its own, then measures, in the
// same run and on the same rows: psql COPY of the joined rows as JSONL (the baseline), the
// trl per-judgment export uncompressed, and the same export gzipped. Prints rows/s, peak
// RSS of the exporting process, and the ratio of the uncompressed export to COPY.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ZExportRequest } from "@arbiter/shared";
import { createTestDatabase, runCommand, seedBradleyTerryProject } from "@arbiter/testkit";

const run = promisify(execFile);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const judgments = arg("judgments", 1_000_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "arbiter-bench-export-"));

const db = await createTestDatabase();
try {
  let t = Date.now();
  // No ties, so that every judgment is one row of the export.
  const { projectId, ownerId } = await seedBradleyTerryProject(db.pool, {
    judgments,
    annotators: 100,
    tieRate: 0,
  });
  const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM judgments");
  const total = rows[0].n as number;
  console.log(`seeded ${total.toLocaleString()} judgments in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // The baseline: the same joined rows (prompt, chosen, rejected), JSON built by
  // Postgres, written by psql. CSV with quote and delimiter bytes that never occur keeps
  // the JSON intact (text format would double the backslashes).
  const copyFile = path.join(dir, "copy.jsonl");
  const copySql = `\\copy (SELECT row_to_json(t) FROM (SELECT p.text AS prompt, cw.text AS chosen, cl.text AS rejected
      FROM judgments j JOIN items i ON i.id = j.item_id JOIN prompts p ON p.id = i.prompt_id
      JOIN completions cw ON cw.id = (j.ranking->0->>0)::uuid JOIN completions cl ON cl.id = (j.ranking->1->>0)::uuid
      WHERE j.project_id = '${projectId}' AND j.superseded_at IS NULL) t)
    TO '${copyFile}' WITH (format csv, quote e'\\x01', delimiter e'\\x02')`;
  t = Date.now();
  await run("psql", [db.url, "-v", "ON_ERROR_STOP=1", "-c", copySql.replace(/\s+/g, " ")]);
  const copySeconds = (Date.now() - t) / 1000;
  const copyBytes = statSync(copyFile).size;

  async function exportOnce(compress: boolean) {
    const created = await db.prisma.export.create({
      data: {
        projectId,
        format: "trl",
        params: ZExportRequest.parse({ format: "trl", compress }),
        createdById: ownerId,
      },
    });
    const out = await runCommand(process.execPath, [
      "--import",
      "tsx",
      path.join(here, "export-child.ts"),
      db.url,
      created.id,
      dir,
    ]);
    // The result is the child's last line of JSON; warnings it printed may come around it.
    const result = JSON.parse(
      out
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .at(-1)!,
    ) as {
      rows: number;
      seconds: number;
      peakRssMb: number;
    };
    const file = path.join(dir, created.id, compress ? "train.jsonl.gz" : "train.jsonl");
    return { ...result, bytes: statSync(file).size };
  }

  const plain = await exportOnce(false);
  const gzipped = await exportOnce(true);
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString();
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(`\n${total.toLocaleString()} judgments, trl per-judgment\n`);
  console.log("| run | rows | seconds | rows/s | file | peak RSS |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  console.log(
    `| psql COPY (baseline) | ${total} | ${copySeconds.toFixed(1)} | ${rate(total, copySeconds)} | ${mb(copyBytes)} | - |`,
  );
  for (const [name, r] of [
    ["export, uncompressed", plain],
    ["export, gzip", gzipped],
  ] as const) {
    console.log(
      `| ${name} | ${r.rows} | ${r.seconds.toFixed(1)} | ${rate(r.rows, r.seconds)} | ${mb(r.bytes)} | ${r.peakRssMb.toFixed(0)} MB |`,
    );
  }
  const ratio = plain.rows / plain.seconds / (total / copySeconds);
  console.log(`\nratio uncompressed export / COPY: ${ratio.toFixed(2)} (target >= 0.5)`);
  console.log(`peak RSS: ${Math.max(plain.peakRssMb, gzipped.peakRssMb).toFixed(0)} MB (target < 300 MB)`);
  if (plain.rows !== total) throw new Error(`export wrote ${plain.rows} rows for ${total} judgments`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
}
