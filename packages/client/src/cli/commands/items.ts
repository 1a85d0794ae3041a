import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { Ctx } from "../context";
import { commaList, integer } from "../parse-args";
import type { Action } from "../program";
import { resolveGenerators, resolveProject } from "../refs";

type BuildOptions = {
  project: string;
  strategy: "cross-generator" | "same-generator" | "k-wise";
  generators?: string[];
  run?: string;
  k?: number;
  maxPerPrompt?: number;
  keepIdentical?: boolean;
};

async function build(ctx: Ctx, opts: BuildOptions) {
  const arbiter = await ctx.client();
  const id = await resolveProject(arbiter, opts.project);
  const generatorIds = opts.generators ? await resolveGenerators(arbiter, id, opts.generators) : undefined;
  const result = unwrap(
    await arbiter.POST("/api/v1/projects/{id}/items/build", {
      params: { path: { id } },
      body: {
        strategy: opts.strategy,
        ...(generatorIds ? { generatorIds } : {}),
        ...(opts.run ? { runId: opts.run } : {}),
        ...(opts.k !== undefined ? { k: opts.k } : {}),
        ...(opts.maxPerPrompt !== undefined ? { maxPerPrompt: opts.maxPerPrompt } : {}),
        ...(opts.keepIdentical ? { skipIdentical: false } : {}),
      },
    }),
  );
  ctx.result(
    result,
    () =>
      `${result.created} items created, ${result.existing} already there, ${result.skippedIdentical} skipped as identical, from ${result.prompts} prompts`,
  );
}

export function registerItems(program: Command, action: Action) {
  program
    .command("items")
    .description("Items: the prompts with the completions annotators compare")
    .command("build")
    .description("Build items from stored completions (idempotent: items already built are kept)")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .option(
      "--strategy <strategy>",
      "cross-generator (pairs from two generators), same-generator (pairs of one's samples) or k-wise",
      "cross-generator",
    )
    .option("--generators <list>", "only completions of these generators (names or ids)", commaList)
    .option("--run <id>", "only completions of this generation run")
    .option("--k <n>", "completions per item for k-wise", integer)
    .option("--max-per-prompt <n>", "at most this many items per prompt", integer)
    .option("--keep-identical", "also pair completions whose texts are identical")
    .addHelpText(
      "after",
      `
Examples:
  $ arbiter items build --project Helpfulness
  $ arbiter items build --project Ranking --strategy k-wise --k 4 --max-per-prompt 1`,
    )
    .action(action(build));
}
