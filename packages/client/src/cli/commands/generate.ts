import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { GenerationRun } from "../../wait";
import type { Ctx } from "../context";
import { EXIT } from "../exit-codes";
import { JobState } from "../job-state";
import { FINISHED, joinOrStart } from "../join-or-start";
import { commaList, integer } from "../parse-args";
import type { Action } from "../program";
import { createProgress } from "../progress";
import { resolveGenerators, resolveProject } from "../refs";

type GenerateOptions = {
  project: string;
  generators: string[];
  samples: number;
  prompts?: string[];
  wait?: boolean;
  new?: boolean;
};

const summary = (run: GenerationRun) =>
  `${run.done}/${run.total} done, ${run.failed} failed${run.cancelled ? `, ${run.cancelled} cancelled` : ""}`;

async function generate(ctx: Ctx, opts: GenerateOptions) {
  const arbiter = await ctx.client();
  const { url } = await ctx.credentials();
  const projectId = await resolveProject(arbiter, opts.project);
  const generatorIds = await resolveGenerators(arbiter, projectId, opts.generators);
  const body = {
    generatorIds,
    samplesPerPrompt: opts.samples,
    ...(opts.prompts ? { promptIds: opts.prompts } : {}),
  };
  const state = new JobState(ctx.configDir);
  const key = JobState.key(url, "generation-run", projectId, {
    ...body,
    generatorIds: [...generatorIds].sort(),
  });
  const readRun = async (rid: string) =>
    unwrap(
      await arbiter.GET("/api/v1/projects/{id}/generation-runs/{rid}", {
        params: { path: { id: projectId, rid } },
      }),
    ).run;
  const { job: run, joined } = await joinOrStart({
    state,
    key,
    entry: { kind: "generation-run", projectId },
    fresh: Boolean(opts.new),
    read: readRun,
    start: async () =>
      unwrap(
        await arbiter.POST("/api/v1/projects/{id}/generation-runs", {
          params: { path: { id: projectId } },
          body,
        }),
      ).run,
  });
  ctx.note(
    joined
      ? `joined run ${run.id}, started earlier with the same options (--new starts another)`
      : `started run ${run.id}: ${run.total} samples`,
  );

  if (!opts.wait && !FINISHED.has(run.status)) {
    ctx.result(
      { run, joined },
      () => `run ${run.id} is ${run.status}: ${summary(run)}; follow it with --wait`,
    );
    return undefined;
  }
  let final = run;
  if (opts.wait) {
    ctx.event({ event: "started", run, joined });
    const progress = createProgress(ctx, "generation");
    try {
      final = await arbiter.waitForRun(projectId, run.id, {
        onProgress: (r) =>
          progress.update(
            { value: r.done + r.failed + r.cancelled, total: r.total, text: `${summary(r)} (${r.status})` },
            {
              runId: r.id,
              status: r.status,
              total: r.total,
              done: r.done,
              failed: r.failed,
              cancelled: r.cancelled,
              pending: r.pending,
            },
          ),
      });
    } finally {
      progress.stop();
    }
  }
  await state.delete(key);
  ctx.outcome(
    Boolean(opts.wait),
    { run: final, joined },
    () => `run ${final.id} ${final.status}: ${summary(final)}`,
  );
  if (final.status === "SUCCEEDED") return undefined;
  if (!ctx.json) for (const e of final.lastErrors) ctx.io.stderr.write(`  ${e.message}\n`);
  return EXIT.JOB_FAILED;
}

export function registerGenerate(program: Command, action: Action) {
  program
    .command("generate")
    .description("Generate completions: every prompt × generator × sample, through the worker")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .requiredOption("--generators <list>", "generator names or ids, comma-separated", commaList)
    .option("--samples <n>", "samples per prompt and generator", integer, 1)
    .option("--prompts <ids>", "only these prompt ids (comma-separated); all prompts by default", commaList)
    .option("--wait", "follow the run with a progress bar until it finishes")
    .option("--new", "start a new run even if one with the same options is unfinished")
    .addHelpText(
      "after",
      `
Running the same command again (after Ctrl-C, a lost connection) joins the unfinished run
with the same options instead of starting another; the run goes on on the server either way.
A run that ends FAILED or CANCELLED exits with 5.

Examples:
  $ arbiter generate --project Helpfulness --generators llama,qwen --samples 2 --wait
  $ arbiter generate --project Helpfulness --generators llama --wait --json | tail -n 1`,
    )
    .action(action(generate));
}
