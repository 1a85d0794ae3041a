import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { PagedRow } from "../../paginate";
import type { Ctx } from "../context";
import type { Action } from "../program";
import { readJsonFile } from "../read-input";
import { resolveProject } from "../refs";

async function list(ctx: Ctx, opts: { status?: "ACTIVE" | "PAUSED" | "ARCHIVED" }) {
  const arbiter = await ctx.client();
  const projects: PagedRow<"/api/v1/projects">[] = [];
  for await (const project of arbiter.paginate("/api/v1/projects", {
    params: { query: { limit: 200, ...(opts.status ? { status: opts.status } : {}) } },
  }))
    projects.push(project);
  ctx.result({ projects }, () =>
    projects.length
      ? projects.map((p) => `${p.id}  ${p.status.padEnd(8)} ${p.taskType.padEnd(8)} ${p.name}`)
      : "no projects",
  );
}

async function show(ctx: Ctx, _opts: unknown, ref: string) {
  const arbiter = await ctx.client();
  const id = await resolveProject(arbiter, ref);
  const { project } = unwrap(await arbiter.GET("/api/v1/projects/{id}", { params: { path: { id } } }));
  const c = project.counts;
  ctx.result({ project }, () => [
    `${project.name} (${project.slug})`,
    `id          ${project.id}`,
    `status      ${project.status}, your role ${project.myRole}`,
    `task        ${project.taskType}, ${project.optionsPerItem} options, ${project.judgmentsPerItem} judgments per item`,
    `prompts     ${c.prompts}`,
    `items       ${c.items} (${c.completeItems} complete)`,
    `judgments   ${c.judgments}`,
    `pools       ${project.pools.map((p) => p.name).join(", ") || "none"}`,
  ]);
}

async function create(ctx: Ctx, opts: { from: string }) {
  const body = await readJsonFile(opts.from);
  const arbiter = await ctx.client();
  // The API checks the document field by field (unknown fields included) and names what is wrong.
  const { project } = unwrap(await arbiter.POST("/api/v1/projects", { body: body as never }));
  ctx.result({ project }, () => `created project ${project.name}: ${project.id}`);
}

export function registerProjects(program: Command, action: Action) {
  const projects = program.command("projects").description("List, show and create projects");
  projects
    .command("list")
    .description("The projects you can see, newest first")
    .option("--status <status>", "only ACTIVE, PAUSED or ARCHIVED ones")
    .addHelpText(
      "after",
      "\nExamples:\n  $ arbiter projects list\n  $ arbiter projects list --status ACTIVE --json",
    )
    .action(action(list));
  projects
    .command("show")
    .description("One project with its counts")
    .argument("<project>", "the project's id, name or slug")
    .addHelpText(
      "after",
      "\nExamples:\n  $ arbiter projects show Helpfulness\n  $ arbiter projects show 5f0c…-… --json",
    )
    .action(action(show));
  projects
    .command("create")
    .description("Create a project from a JSON file holding the body of POST /api/v1/projects")
    .requiredOption(
      "--from <file>",
      "project.json: name, taskType, judgmentsPerItem, guidelines, questions, …",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ cat project.json
  {"name": "Helpfulness", "taskType": "pairwise", "judgmentsPerItem": 3,
   "guidelines": "Pick the answer that helps more."}
  $ arbiter projects create --from project.json`,
    )
    .action(action(create));
}
