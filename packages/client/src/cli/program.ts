import { type Command, Command as CommanderCommand, CommanderError } from "commander";
import { type CliError, toCliError } from "./cli-error";
import { registerAuth } from "./commands/auth";
import { registerExport } from "./commands/export";
import { registerGenerate } from "./commands/generate";
import { registerGenerators } from "./commands/generators";
import { registerImports } from "./commands/imports";
import { registerItems } from "./commands/items";
import { registerProjects } from "./commands/projects";
import { registerPushToHub } from "./commands/push-to-hub";
import { registerStatus } from "./commands/status";
import { Ctx, type Io } from "./context";
import { EXIT, type ExitCode, exitCodeTable } from "./exit-codes";
import { VERSION } from "./version";

/** A command's body: its context, options and arguments in; an exit code out (0 when void). */
type Handler<O> = (ctx: Ctx, opts: O, ...args: string[]) => Promise<ExitCode | undefined> | Promise<void>;

/** Turns a handler into a commander action; each command file registers through it. */
export type Action = <O>(handler: Handler<O>) => (...raw: unknown[]) => Promise<void>;

/** Runs one command line (without `node arbiter`) and resolves with the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.OK;
  let json = argv.includes("--json");
  const action: Action =
    (handler) =>
    async (...raw) => {
      const command = raw.at(-1) as Command;
      const ctx = new Ctx(io, Boolean(command.optsWithGlobals().json));
      json = ctx.json;
      exitCode = (await handler(ctx, raw.at(-2) as never, ...(raw.slice(0, -2) as string[]))) ?? EXIT.OK;
    };
  try {
    await buildProgram(io, action).parseAsync(argv, { from: "user" });
  } catch (err) {
    // Help and --version "fail" with exit code 0; anything else commander refuses is usage.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    const error = toCliError(err);
    report(io, json, error);
    return error.exitCode;
  }
  return exitCode;
}

function report(io: Io, json: boolean, error: CliError) {
  if (json) {
    const { code, message, details, exitCode } = error;
    io.stdout.write(`${JSON.stringify({ error: { code, message, details, exitCode } })}\n`);
  }
  io.stderr.write(`arbiter: ${error.message}\n${error.details.map((d) => `  ${d}\n`).join("")}`);
}

function buildProgram(io: Io, action: Action): Command {
  const program = new CommanderCommand("arbiter");
  // Set before the commands are added: subcommands copy these settings from their parent.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showHelpAfterError("(add --help for usage and examples)");
  program
    .description(
      "Arbiter from the shell: projects, imports, generation, items, exports and the Hugging Face Hub",
    )
    .version(VERSION)
    .option("--json", "machine output on stdout: one JSON document, or NDJSON events with --wait");

  registerAuth(program, action);
  registerProjects(program, action);
  registerImports(program, action);
  registerGenerators(program, action);
  registerGenerate(program, action);
  registerItems(program, action);
  registerStatus(program, action);
  registerExport(program, action);
  registerPushToHub(program, action);

  program.addHelpText(
    "after",
    `
Sign in once with \`arbiter login\`; ARBITER_URL and ARBITER_API_KEY override what is stored.
Progress bars go to stderr when it is a terminal, plain lines otherwise; --json turns them off.
With --json an error is printed as {"error":{"code","message","details","exitCode"}}.

Exit codes:
${exitCodeTable()}

Examples:
  $ arbiter login --url https://arbiter.example.com < key.txt
  $ arbiter prompts import prompts.jsonl --project Helpfulness
  $ arbiter generate --project Helpfulness --generators llama,qwen --samples 2 --wait
  $ arbiter export --project Helpfulness --format trl --split train=0.9,test=0.1 --out data/
  $ arbiter push-to-hub --repo me/helpfulness --dir data/`,
  );
  return program;
}
