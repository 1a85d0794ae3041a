import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { Ctx } from "../context";
import type { Action } from "../program";
import { resolveProject } from "../refs";

const LATEST = 5;

async function status(ctx: Ctx, opts: { project: string }) {
  const arbiter = await ctx.client();
  const id = await resolveProject(arbiter, opts.project);
  const path = { params: { path: { id } } };
  const [{ project }, { stats }, { runs }, { exports }] = await Promise.all([
    arbiter.GET("/api/v1/projects/{id}", path).then(unwrap),
    arbiter.GET("/api/v1/projects/{id}/stats", path).then(unwrap),
    arbiter.GET("/api/v1/projects/{id}/generation-runs", path).then(unwrap),
    arbiter
      .GET("/api/v1/projects/{id}/exports", { params: { path: { id }, query: { limit: LATEST } } })
      .then(unwrap),
  ]);
  const items = stats.progress.items;
  const progress = {
    prompts: project.counts.prompts,
    items,
    judgments: project.counts.judgments,
    remainingJudgments: stats.progress.remainingJudgments,
    // Complete items out of all: what an export of finished items can hold so far.
    completion: items.total ? items.complete / items.total : 0,
    ratePerHour: stats.progress.ratePerHour,
    projectedHoursToFinish: stats.progress.projectedHoursToFinish,
  };
  const latestRuns = runs.slice(0, LATEST);
  ctx.result(
    {
      project: { id: project.id, name: project.name, status: project.status },
      progress,
      runs: latestRuns,
      exports,
    },
    () => [
      `${project.name} (${project.status})`,
      `prompts    ${progress.prompts}`,
      `items      ${items.total}: ${items.complete} complete, ${items.inProgress} in progress, ${items.untouched} untouched (${(progress.completion * 100).toFixed(1)}% complete)`,
      `judgments  ${progress.judgments}, ${progress.remainingJudgments} to go` +
        (progress.ratePerHour ? `, ${progress.ratePerHour.toFixed(1)}/hour` : "") +
        (progress.projectedHoursToFinish !== null
          ? `, about ${progress.projectedHoursToFinish.toFixed(1)} h left`
          : ""),
      "runs",
      ...(latestRuns.length
        ? latestRuns.map(
            (r) =>
              `  ${r.id}  ${r.status.padEnd(9)} ${r.done}/${r.total} done, ${r.failed} failed  ${r.createdAt}`,
          )
        : ["  none"]),
      "exports",
      ...(exports.length
        ? exports.map(
            (e) =>
              `  ${e.id}  ${e.status.padEnd(9)} ${e.format.padEnd(10)} ${e.rowCount ?? "-"} rows  ${e.createdAt}`,
          )
        : ["  none"]),
    ],
  );
}

export function registerStatus(program: Command, action: Action) {
  program
    .command("status")
    .description("A project's progress: items, judgments, completion, latest generation runs and exports")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .addHelpText(
      "after",
      "\nExamples:\n  $ arbiter status --project Helpfulness\n  $ arbiter status --project Helpfulness --json | jq .progress.completion",
    )
    .action(action(status));
}
