import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@arbiter/db";
import {
  createPseudonymizer,
  emptyCounts,
  exportItem,
  fitConsensus,
  type Lookups,
  planSplits,
  type RowContext,
  readConsensusInput,
  readItems,
  type SplitPlan,
} from "@arbiter/export";
import { type TExportFile, type TExportFormat, ZExportRequest } from "@arbiter/shared";
import { type CardProject, datasetCard } from "./dataset-card";
import { fileEntry } from "./file-entry";
import { buildManifest } from "./manifest";
import { SplitFile, syncFile } from "./split-file";
import { SplitTally } from "./split-stats";

export type ExportDeps = { pool: Db["pool"]; secret: string; exportDir: string };

/** What the Export row's `files` holds: the public description plus where the file lies. */
export type StoredExportFile = TExportFile & { path: string };

type ExportRow = {
  status: string;
  params: unknown;
  project_id: string;
  name: string;
  guidelines: string;
  task_type: CardProject["taskType"];
  options_per_item: number;
  judgments_per_item: number;
};

const PROGRESS_EVERY_MS = 1_000;

export class ExportRequestError extends Error {}

/**
 * Builds an export's folder from scratch in a temporary folder and renames it into place
 * before the row says SUCCEEDED, so a crash at any point leaves either nothing served or
 * a complete folder; a re-run rebuilds the same bytes. Returns the rows and bytes of its data files.
 */
export async function runExport(
  deps: ExportDeps,
  exportId: string,
): Promise<{ rows: number; bytes: number; format: TExportFormat } | null> {
  const { rows } = await deps.pool.query<ExportRow>(
    `SELECT e.status, e.params, e.project_id, p.name, p.guidelines, p.task_type, p.options_per_item,
            p.judgments_per_item
       FROM exports e JOIN projects p ON p.id = e.project_id WHERE e.id = $1`,
    [exportId],
  );
  const row = rows[0];
  if (!row || row.status === "SUCCEEDED" || row.status === "CANCELLED") return null;
  const parsed = ZExportRequest.safeParse(row.params);
  if (!parsed.success) throw new ExportRequestError(`stored parameters are invalid: ${parsed.error.message}`);
  const req = parsed.data;
  await deps.pool.query("UPDATE exports SET status = 'RUNNING', progress = 0, error = NULL WHERE id = $1", [
    exportId,
  ]);

  const root = path.resolve(deps.exportDir);
  const finalDir = path.join(root, exportId);
  await mkdir(root, { recursive: true });
  await removeLeftovers(root, exportId);
  const tmpDir = path.join(root, `.tmp-${exportId}-${randomBytes(4).toString("hex")}`);
  await mkdir(tmpDir);

  const plan = planSplits(req.splits);
  const ext = req.compress ? ".jsonl.gz" : ".jsonl";
  const files = new Map(
    plan.names.map((split) => [
      split,
      new SplitFile(path.join(tmpDir, `${split}${ext}`), `${split}${ext}`, split, req.compress),
    ]),
  );
  const ctx: RowContext & { plan: SplitPlan } = { req, plan, pseudonym: createPseudonymizer(deps.secret) };
  const counts = emptyCounts();
  const tally = new SplitTally(plan.names);
  // Reliabilities are global: the model is fitted once over the whole project, in the
  // export's snapshot, before the first row is written.
  const prepare =
    req.aggregation === "dawid-skene"
      ? async (client: Parameters<typeof readConsensusInput>[0], lookups: Lookups) => {
          ctx.consensus = fitConsensus(
            await readConsensusInput(client, row.project_id, lookups.untrusted),
            req,
          );
        }
      : undefined;
  try {
    let total = 0;
    let lastProgress = Date.now();
    const onTotal = (n: number) => {
      total = n;
    };
    for await (const batch of readItems(deps.pool, row.project_id, onTotal, req.format === "raw", prepare)) {
      for (const item of batch) {
        const out = exportItem(item, ctx, counts);
        tally.add(out);
        if (out.lines.length === 0) continue;
        await files.get(out.split)!.writeLines(out.lines);
      }
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await deps.pool.query("UPDATE exports SET progress = $2 WHERE id = $1 AND status = 'RUNNING'", [
          exportId,
          Math.min(0.99, counts.items / Math.max(1, total)),
        ]);
      }
    }
    const dataFiles: TExportFile[] = [];
    for (const file of files.values()) dataFiles.push(await file.close());
    const splitStats = tally.stats();

    const card = datasetCard(
      {
        name: row.name,
        guidelines: row.guidelines,
        taskType: row.task_type,
        optionsPerItem: row.options_per_item,
        judgmentsPerItem: row.judgments_per_item,
      },
      req,
      dataFiles,
      counts,
      splitStats,
    );
    const readme = await writeSynced(tmpDir, "README.md", card);
    const manifest = buildManifest({
      exportId,
      project: { id: row.project_id, name: row.name },
      req,
      counts,
      splits: splitStats,
      files: [...dataFiles, readme],
      createdAt: new Date(),
    });
    const manifestFile = await writeSynced(tmpDir, "manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);

    // A previous attempt may have renamed its folder into place and died before the row
    // said so; its bytes are the same as ours, so it is simply replaced.
    await rm(finalDir, { recursive: true, force: true });
    await rename(tmpDir, finalDir);
    await syncFile(root);

    const stored: StoredExportFile[] = [...dataFiles, readme, manifestFile].map((f) => ({
      ...f,
      path: path.join(finalDir, f.name),
    }));
    const rowCount = dataFiles.reduce((s, f) => s + f.rows, 0);
    await deps.pool.query(
      `UPDATE exports SET status = 'SUCCEEDED', progress = 1, row_count = $2, files = $3, error = NULL,
              finished_at = now()
        WHERE id = $1 AND status = 'RUNNING'`,
      [exportId, rowCount, JSON.stringify(stored)],
    );
    return { rows: rowCount, bytes: dataFiles.reduce((s, f) => s + f.bytes, 0), format: req.format };
  } catch (err) {
    for (const file of files.values()) file.destroy();
    await rm(tmpDir, { recursive: true, force: true });
    throw err;
  }
}

async function writeSynced(dir: string, name: string, content: string): Promise<TExportFile> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  await syncFile(file);
  return fileEntry(name, Buffer.from(content));
}

/** Temporary folders of this export's earlier attempts that died mid-way. */
async function removeLeftovers(root: string, exportId: string): Promise<void> {
  for (const name of await readdir(root)) {
    if (name.startsWith(`.tmp-${exportId}-`))
      await rm(path.join(root, name), { recursive: true, force: true });
  }
}

/** Marks an export failed for good, unless it finished or was cancelled meanwhile. */
export async function failExport(pool: Db["pool"], exportId: string, message: string): Promise<void> {
  await pool.query(
    `UPDATE exports SET status = 'FAILED', error = $2, finished_at = now()
      WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
    [exportId, message.slice(0, 2_000)],
  );
}
