import { openAsBlob } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { unwrap } from "../../errors";
import { CliError, usage } from "../cli-error";
import type { Ctx } from "../context";
import { EXIT } from "../exit-codes";
import { downloadExport, MANIFEST, readManifest, verifyFolder } from "../export-files";
import { hubEndpoint, resolveHubToken } from "../hub-credentials";
import type { Action } from "../program";
import { createProgress } from "../progress";

type PushOptions = {
  repo: string;
  export?: string;
  dir?: string;
  public?: boolean;
  endpoint?: string;
  tokenEnv?: string;
  message?: string;
};

const REPO = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;

/** A finished export downloaded (and verified) into a temporary folder. */
async function fetchExport(ctx: Ctx, exportId: string, dir: string): Promise<void> {
  const arbiter = await ctx.client();
  const { export: exp } = unwrap(
    await arbiter.GET("/api/v1/exports/{id}", { params: { path: { id: exportId } } }),
  );
  if (exp.status === "FAILED" || exp.status === "CANCELLED")
    throw new CliError(
      EXIT.JOB_FAILED,
      `export ${exp.id} ${exp.status}: there is nothing to push`,
      "export_failed",
    );
  if (exp.status !== "SUCCEEDED")
    throw usage(`export ${exp.id} is ${exp.status}: wait for it (arbiter export … --wait) and push again`);
  // With --json the answer is one document (no --wait here), so the download reports no progress.
  if (ctx.json) {
    await downloadExport(arbiter, exp, dir);
    return;
  }
  const progress = createProgress(ctx, "download");
  try {
    await downloadExport(arbiter, exp, dir, (done, total) =>
      progress.update({ value: done, total, text: `${done} of ${total} bytes` }, {}),
    );
  } finally {
    progress.stop();
  }
}

async function pushToHub(ctx: Ctx, opts: PushOptions) {
  if (!REPO.test(opts.repo)) throw usage(`--repo ${opts.repo}: expected owner/name`);
  if (Boolean(opts.export) === Boolean(opts.dir)) throw usage("give either --export ID or --dir DIR");
  const { token, source } = await resolveHubToken(ctx, opts.tokenEnv);
  if (!token.startsWith("hf_"))
    throw new CliError(
      EXIT.AUTH,
      `the token from ${source} is not a Hugging Face token (hf_…)`,
      "bad_hub_token",
    );
  const hubUrl = hubEndpoint(ctx, opts.endpoint);

  const temp = opts.export ? await mkdtemp(path.join(tmpdir(), "arbiter-push-")) : undefined;
  try {
    const dir = temp ?? path.resolve(opts.dir!);
    if (opts.export) await fetchExport(ctx, opts.export, dir);
    const manifest = await readManifest(dir);
    // Downloads were checked on the way in; a folder may have changed since it was exported.
    if (!temp) await verifyFolder(dir, manifest);
    const files = [...manifest.files.map((f) => f.name), MANIFEST];

    // Loaded here: the Hub library is the largest dependency and only this command needs it.
    const hub = await import("@huggingface/hub");
    const repo = { type: "dataset" as const, name: opts.repo };
    const credentials = { hubUrl, accessToken: token };
    const exists = await hub.repoExists({ repo, ...credentials });
    const visibility = opts.public ? "public" : "private";
    if (!exists) {
      ctx.note(`creating ${visibility} dataset repository ${opts.repo} on ${hubUrl}`);
      await hub.createRepo({ repo, visibility, ...credentials });
    } else if (opts.public) ctx.note(`${opts.repo} exists: its visibility is left as it is`);

    ctx.note(`pushing ${files.length} files in one commit`);
    const operations = await Promise.all(
      files.map(async (name) => ({
        operation: "addOrUpdate" as const,
        path: name,
        content: await openAsBlob(path.join(dir, name)),
      })),
    );
    const output = await hub.commit({
      repo,
      ...credentials,
      title: opts.message ?? `Arbiter export ${manifest.export_id}`,
      description:
        "Preference data exported by Arbiter: split files, dataset card (README.md) and manifest.json with each file's sha256.",
      operations,
    });
    const url = `${hubUrl}/datasets/${opts.repo}`;
    ctx.result(
      {
        repo: opts.repo,
        url,
        created: !exists,
        visibility: exists ? null : visibility,
        commit: output?.commit ?? null,
        files,
        tokenSource: source,
      },
      () => [`pushed ${files.join(", ")} to ${url}`, ...(output ? [`commit ${output.commit.oid}`] : [])],
    );
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

export function registerPushToHub(program: Command, action: Action) {
  program
    .command("push-to-hub")
    .description("Push an export (split files, dataset card, manifest) to a Hugging Face dataset repository")
    .requiredOption("--repo <owner/name>", "the dataset repository; created if missing")
    .option("--export <id>", "a finished export, downloaded and verified on the way")
    .option("--dir <dir>", "a folder `arbiter export --out` filled (verified against its manifest first)")
    .option("--public", "create the repository public (private by default)")
    .option("--endpoint <url>", "a self-hosted Hub (default: HF_ENDPOINT, else https://huggingface.co)")
    .option("--token-env <name>", "the environment variable holding the token")
    .option("--message <title>", "the commit title")
    .addHelpText(
      "after",
      `
Everything goes in one commit. The token: --token-env's variable, else HF_TOKEN, else the
token \`huggingface-cli login\` stored ($HF_TOKEN_PATH or $HF_HOME/token), else the one
\`arbiter login --hf-token\` stored. A file that does not match the manifest exits with 5.

Examples:
  $ arbiter push-to-hub --repo my-lab/helpfulness-prefs --dir data/
  $ arbiter push-to-hub --repo my-lab/helpfulness-prefs --export 3b1f… --public
  $ arbiter push-to-hub --repo team/prefs --dir data/ --endpoint https://hub.internal --token-env HUB_TOKEN`,
    )
    .action(action(pushToHub));
}
