import type { Command } from "commander";
import { unwrap } from "../../errors";
import type { Ctx } from "../context";
import { collect, decimal, integer, keyValue } from "../parse-args";
import type { Action } from "../program";
import { readSecret } from "../read-secret";
import { resolveProject } from "../refs";

type AddOptions = {
  project: string;
  name: string;
  baseUrl: string;
  model: string;
  mode?: "chat" | "completion";
  apiKeyEnv?: string;
  apiKeyStdin?: boolean;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  stop?: string[];
  param?: Record<string, unknown>;
  concurrency?: number;
  requestsPerMinute?: number;
};

async function add(ctx: Ctx, opts: AddOptions) {
  const apiKey = opts.apiKeyStdin ? await readSecret(ctx.io, "generator API key: ") : undefined;
  const arbiter = await ctx.client();
  const id = await resolveProject(arbiter, opts.project);
  const params = {
    ...opts.param,
    ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
    ...(opts.topP !== undefined ? { top_p: opts.topP } : {}),
    ...(opts.maxTokens !== undefined ? { max_tokens: opts.maxTokens } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.stop ? { stop: opts.stop } : {}),
  };
  const { generator } = unwrap(
    await arbiter.POST("/api/v1/projects/{id}/generators", {
      params: { path: { id } },
      body: {
        name: opts.name,
        baseUrl: opts.baseUrl,
        model: opts.model,
        params,
        ...(opts.mode ? { mode: opts.mode } : {}),
        ...(apiKey ? { apiKey } : {}),
        ...(opts.apiKeyEnv ? { apiKeyEnv: opts.apiKeyEnv } : {}),
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        ...(opts.requestsPerMinute !== undefined ? { requestsPerMinute: opts.requestsPerMinute } : {}),
      },
    }),
  );
  ctx.result({ generator }, () => `added generator ${generator.name}: ${generator.id}`);
}

async function list(ctx: Ctx, opts: { project: string }) {
  const arbiter = await ctx.client();
  const id = await resolveProject(arbiter, opts.project);
  const { generators } = unwrap(
    await arbiter.GET("/api/v1/projects/{id}/generators", { params: { path: { id } } }),
  );
  ctx.result({ generators }, () =>
    generators.length
      ? generators.map((g) => `${g.id}  ${g.name.padEnd(16)} ${g.model} at ${g.baseUrl}`)
      : "no generators",
  );
}

export function registerGenerators(program: Command, action: Action) {
  const generators = program
    .command("generators")
    .description("The OpenAI-compatible endpoints a project generates completions with");
  generators
    .command("add")
    .description("Add a generator to a project")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .requiredOption("--name <name>", "how runs and items name it")
    .requiredOption("--base-url <url>", "the endpoint's base URL, e.g. http://vllm:8000/v1")
    .requiredOption("--model <model>", "the model name the endpoint serves")
    .option("--mode <mode>", "chat (default) or completion")
    .option("--api-key-env <name>", "a worker environment variable holding the key (ARBITER_GENERATOR_KEY_…)")
    .option("--api-key-stdin", "read the endpoint's API key from stdin (stored encrypted, never shown)")
    .option("--temperature <t>", "sampling temperature", decimal)
    .option("--top-p <p>", "nucleus sampling", decimal)
    .option("--max-tokens <n>", "longest completion", integer)
    .option("--seed <n>", "sampling seed", integer)
    .option("--stop <text>", "a stop sequence (repeatable)", collect)
    .option("--param <key=value>", "any other sampling parameter, JSON values allowed (repeatable)", keyValue)
    .option("--concurrency <n>", "requests in flight to this endpoint at most", integer)
    .option("--requests-per-minute <n>", "rate limit of this endpoint", integer)
    .addHelpText(
      "after",
      `
Examples:
  $ arbiter generators add --project Helpfulness --name llama --base-url http://vllm:8000/v1 \\
      --model meta-llama/Llama-3.1-8B-Instruct --temperature 0.8 --max-tokens 512
  $ echo "$OPENAI_API_KEY" | arbiter generators add --project Helpfulness --name gpt \\
      --base-url https://api.openai.com/v1 --model gpt-4o-mini --api-key-stdin`,
    )
    .action(action(add));
  generators
    .command("list")
    .description("A project's generators")
    .requiredOption("--project <project>", "the project's id, name or slug")
    .addHelpText("after", "\nExamples:\n  $ arbiter generators list --project Helpfulness --json")
    .action(action(list));
}
