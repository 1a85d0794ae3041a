import path from "node:path";
import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { Export } from "../../wait";
import type { Ctx } from "../context";
import { EXIT } from "../exit-codes";
import { downloadExport, type FileOutcome } from "../export-files";
import { JobState } from "../job-state";
import { FINISHED, joinOrStart } from "../join-or-start";
import { commaList, decimal, integer, isoDate, splits } from "../parse-args";
import type { Action } from "../program";
import { createProgress } from "../progress";
import { resolveProject } from "../refs";

type ExportOptions = {
  project: string;
  format: string;
  split?: Record<string, number>;
  aggregation?: string;
  pairs?: string;
  minJudgments?: number;
  minAgreement?: number;
  minStrength?: number;
  minConfidence?: number;
  keepTies?: boolean;
  keepBothBad?: boolean;
  includeGold?: boolean;
  includeQuarantined?: boolean;
  includeTooFast?: boolean;
  from?: string;
  to?: string;
  seed?: string;
  with?: string[];
  compress: boolean;
  wait?: boolean;
  out?: string;
  new?: boolean;
};

const COLUMNS = {
  margin: "margin",
  "group-id": "groupId",
  metadata: "metadata",
  confidence: "confidence",
  "soft-label": "softLabel",
} as const;

/** The request body from the flags given; what is left out the API fills with its defaults. */
function exportBody(opts: ExportOptions) {
  const include = opts.with
    ? Object.fromEntries(opts.with.map((c) => [COLUMNS[c as keyof typeof COLUMNS] ?? c, true]))
    : undefined;
  const body = {
    format: opts.format,
    splits: opts.split,
    aggregation: opts.aggregation,
    pairs: opts.pairs,
    minJudgments: opts.minJudgments,
    minAgreement: opts.minAgreement,
    minStrength: opts.minStrength,
    minConfidence: opts.minConfidence,
    dropTies: opts.keepTies ? false : undefined,
    dropBothBad: opts.keepBothBad ? false : undefined,
    excludeGold: opts.includeGold ? false : undefined,
    excludeQuarantined: opts.includeQuarantined ? false : undefined,
    excludeTooFast: opts.includeTooFast ? false : undefined,
    from: opts.from,
    to: opts.to,
    seed: opts.seed,
    include,
    compress: opts.compress ? undefined : false,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function runExport(ctx: Ctx, opts: ExportOptions) {
  const arbiter = await ctx.client();
  const { url } = await ctx.credentials();
  const projectId = await resolveProject(arbiter, opts.project);
  const body = exportBody(opts);
  const state = new JobState(ctx.configDir);
  const key = JobState.key(url, "export", projectId, body);
  const readExport = async (id: string) =>
    unwrap(await arbiter.GET("/api/v1/exports/{id}", { params: { path: { id } } })).export;
  const { job, joined } = await joinOrStart({
    state,
    key,
    entry: { kind: "export", projectId },
    fresh: Boolean(opts.new),
    read: readExport,
    start: async () =>
      unwrap(
        await arbiter.POST("/api/v1/projects/{id}/exports", {
          params: { path: { id: projectId } },
          // The API checks every option and names the one it refuses.
          body: body as never,
        }),
      ).export,
  });
  ctx.note(
    joined
      ? `joined export ${job.id}, started earlier with the same options (--new starts another)`
      : `started export ${job.id}`,
  );

  const wait = Boolean(opts.wait || opts.out);
  if (!wait && !FINISHED.has(job.status)) {
    ctx.result({ export: job, joined }, () => `export ${job.id} is ${job.status}; follow it with --wait`);
    return undefined;
  }
  let final: Export = job;
  if (wait) {
    ctx.event({ event: "started", export: job, joined });
    const progress = createProgress(ctx, "export");
    try {
      final = await arbiter.waitForExport(job.id, {
        onProgress: (e) =>
          progress.update(
            { value: Math.round(e.progress * 100), total: 100, text: e.status },
            { phase: "export", exportId: e.id, status: e.status, progress: e.progress },
          ),
      });
    } finally {
      progress.stop();
    }
  }

  let files: FileOutcome[] | undefined;
  if (final.status === "SUCCEEDED" && opts.out) {
    const dir = path.resolve(opts.out);
    const progress = createProgress(ctx, "download", { eventEveryMs: 500 });
    try {
      ({ files } = await downloadExport(arbiter, final, dir, (done, total) =>
        progress.update(
          { value: done, total, text: `${kb(done)} of ${kb(total)}` },
          { phase: "download", bytes: done, totalBytes: total },
        ),
      ));
    } finally {
      progress.stop();
    }
  }
  // Seen to the end (files verified too): the same command now starts a new export.
  await state.delete(key);
  ctx.outcome(
    wait,
    { export: final, joined, ...(opts.out ? { out: path.resolve(opts.out), files } : {}) },
    () => [
      `export ${final.id} ${final.status}${final.rowCount !== null ? `: ${final.rowCount} rows` : ""}`,
      ...(final.error ? [`  ${final.error}`] : []),
      ...(files ?? []).map(
        (f) => `  ${f.name.padEnd(24)} ${kb(f.bytes).padStart(10)}  sha256 ok, ${f.status}`,
      ),
    ],
  );
  return final.status === "SUCCEEDED" ? undefined : EXIT.JOB_FAILED;
}

export function registerExport(program: Command, action: Action) {
  program
    .command("export")
    .description("Export a project's judgments as a training dataset; with --out, download and verify it")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .requiredOption("--format <format>", "trl, hh, openai-dpo, kto, ranked or raw")
    .option("--split <splits>", "split shares, e.g. train=0.9,test=0.1 (by prompt; default train=1)", splits)
    .option(
      "--aggregation <mode>",
      "per-judgment (a row per answer, default), majority or dawid-skene (a row per item)",
    )
    .option("--pairs <pairs>", "from rankings: all, adjacent or best-vs-rest")
    .option("--min-judgments <n>", "only items with at least this many judgments", integer)
    .option("--min-agreement <share>", "only items whose annotators agree at least this much (0..1)", decimal)
    .option("--min-strength <n>", "only answers at least this strong (1..4)", integer)
    .option(
      "--min-confidence <p>",
      "dawid-skene: only items whose answer has at least this posterior (0..1)",
      decimal,
    )
    .option("--keep-ties", "keep tied answers (dropped by default)")
    .option("--keep-both-bad", "keep both-bad answers (dropped by default)")
    .option("--include-gold", "include gold items (left out by default)")
    .option("--include-quarantined", "include answers of quarantined annotators")
    .option("--include-too-fast", "include answers given faster than the project's limit")
    .option("--from <date>", "only answers from this time on", isoDate)
    .option("--to <date>", "only answers before this time", isoDate)
    .option("--seed <seed>", "the seed of the split assignment")
    .option(
      "--with <columns>",
      "extra columns: margin, group-id, metadata, confidence, soft-label (comma-separated)",
      commaList,
    )
    .option("--no-compress", "plain .jsonl instead of .jsonl.gz")
    .option("--wait", "follow the export with a progress bar until it finishes")
    .option("--out <dir>", "download every file into DIR and verify it against the manifest (implies --wait)")
    .option("--new", "start a new export even if one with the same options is unfinished")
    .addHelpText(
      "after",
      `
Files land in DIR as the manifest names them (train.jsonl.gz, test.jsonl.gz, README.md,
manifest.json); each is checked against its sha256. Running the same command again joins
the unfinished export, keeps the files already verified and continues partial ones. A file
in DIR that does not match exits with 5 and names it; an export that FAILED exits with 5.

Examples:
  $ arbiter export --project Helpfulness --format trl --split train=0.9,test=0.1 --out data/
  $ arbiter export --project Helpfulness --format raw --include-gold --wait --json`,
    )
    .action(action(runExport));
}
