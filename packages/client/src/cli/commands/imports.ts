import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { Ctx } from "../context";
import { EXIT } from "../exit-codes";
import type { Action } from "../program";
import { fileBlob } from "../read-input";
import { resolveProject } from "../refs";

type ImportOptions = {
  project: string;
  format?: "jsonl" | "csv" | "lines";
  partial?: boolean;
  dryRun?: boolean;
};

const ROUTES = {
  prompts: "/api/v1/projects/{id}/prompts/import",
  completions: "/api/v1/projects/{id}/completions/import",
} as const;

function importer(kind: keyof typeof ROUTES) {
  return async (ctx: Ctx, opts: ImportOptions, file: string) => {
    const { blob, name } = await fileBlob(file);
    const arbiter = await ctx.client();
    const id = await resolveProject(arbiter, opts.project);
    const form = new FormData();
    // The API reads the format from the file name unless --format says it.
    form.append("file", blob, name);
    const result = unwrap(
      await arbiter.POST(ROUTES[kind], {
        params: {
          path: { id },
          query: {
            mode: opts.partial ? "partial" : "all-or-nothing",
            dryRun: opts.dryRun ? "true" : "false",
            ...(opts.format ? { format: opts.format } : {}),
          },
        },
        body: form as never,
      }),
    );
    ctx.result(result, () => {
      const counts = `${name}: ${result.lines} lines, ${result.rejected} refused, ${result.duplicates} duplicates`;
      if (result.dryRun) return `${counts}; a dry run, nothing written: ${result.imported} ${kind} to import`;
      if (result.rolledBack)
        return `${counts}; nothing written (all or nothing: --partial writes the ${result.imported} good ${kind})`;
      return `${counts}; ${result.imported} ${kind} imported`;
    });
    if (result.rejected === 0) return undefined;
    if (!ctx.json) {
      for (const r of result.rejects) ctx.io.stderr.write(`  line ${r.line}: ${r.reason}\n`);
      const unlisted = result.rejected - result.rejects.length;
      if (unlisted > 0) ctx.io.stderr.write(`  … and ${unlisted} more\n`);
    }
    return EXIT.LINES_REFUSED;
  };
}

function importCommand(parent: Command, action: Action, kind: keyof typeof ROUTES, help: string) {
  parent
    .command("import")
    .description(`Import ${kind} from a JSONL or CSV file`)
    .argument("<file>", "a .jsonl or .csv file (or name the format with --format)")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .option(
      "--format <format>",
      kind === "prompts" ? "jsonl, csv or lines (one prompt per line)" : "jsonl or csv",
    )
    .option("--partial", "write the good lines even when some are refused (default: all or nothing)")
    .option("--dry-run", "check every line and report, write nothing")
    .addHelpText("after", `\nRefused lines are listed with their reason and the exit code is 6.\n${help}`)
    .action(action(importer(kind)));
}

export function registerImports(program: Command, action: Action) {
  importCommand(
    program.command("prompts").description("Import prompts"),
    action,
    "prompts",
    `
Each line: {"text": "…"} or {"messages": [{"role": "user", "content": "…"}]}, with
optional "externalId" and "metadata". CSV: a header row with the same columns.

Examples:
  $ arbiter prompts import prompts.jsonl --project Helpfulness
  $ arbiter prompts import questions.txt --format lines --project Helpfulness --dry-run`,
  );
  importCommand(
    program.command("completions").description("Import completions made elsewhere"),
    action,
    "completions",
    `
Each line: {"promptExternalId" or "promptId", "model", "text"}, with optional
"sampleIndex", "finishReason" and "metadata".

Examples:
  $ arbiter completions import completions.jsonl --project Helpfulness
  $ arbiter completions import completions.csv --project Helpfulness --partial`,
  );
}
