import path from "node:path";
import type { Command } from "commander";
import { createArbiter } from "../../create-arbiter";
import { ArbiterError, unwrap } from "../../errors";
import { CliError, usage } from "../cli-error";
import { CONFIG_FILE, readConfig, writeConfig } from "../config";
import type { Ctx } from "../context";
import { EXIT } from "../exit-codes";
import type { Action } from "../program";
import { readSecret } from "../read-secret";
import { VERSION } from "../version";

type LoginOptions = { url?: string; apiKey?: string; hfToken?: string | true };

async function login(ctx: Ctx, opts: LoginOptions) {
  if (!opts.url && opts.hfToken === undefined) throw usage("give --url (and an API key), or --hf-token");
  if (opts.url && !opts.apiKey && opts.hfToken === true)
    throw usage("only one secret can come from stdin: pass --api-key or a value for --hf-token");
  const config = await readConfig(ctx.configDir);
  let user: { email: string; name: string; role: string } | undefined;

  if (opts.url) {
    const url = opts.url.replace(/\/+$/, "");
    const apiKey = opts.apiKey ?? (await readSecret(ctx.io, "Arbiter API key: "));
    const arbiter = createArbiter({
      baseUrl: url,
      apiKey,
      headers: { "user-agent": `arbiter-cli/${VERSION}` },
    });
    try {
      ({ user } = unwrap(await arbiter.GET("/api/v1/me")));
    } catch (err) {
      if (err instanceof ArbiterError && err.status === 401)
        throw new CliError(EXIT.AUTH, `${url} refused this API key (${err.message})`, err.code);
      throw err;
    }
    config.url = url;
    config.apiKey = apiKey;
  }
  if (opts.hfToken !== undefined) {
    const token = opts.hfToken === true ? await readSecret(ctx.io, "Hugging Face token: ") : opts.hfToken;
    if (!token.startsWith("hf_")) throw usage("--hf-token: a Hugging Face token starts with hf_");
    config.hfToken = token;
  }
  await writeConfig(ctx.configDir, config);
  const file = path.join(ctx.configDir, CONFIG_FILE);
  ctx.result(
    { url: config.url ?? null, user: user ?? null, hfToken: Boolean(config.hfToken), configFile: file },
    () => [
      ...(user ? [`signed in to ${config.url} as ${user.email} (${user.role})`] : []),
      ...(opts.hfToken !== undefined ? ["Hugging Face token stored"] : []),
      `credentials in ${file} (readable by you only)`,
    ],
  );
}

async function logout(ctx: Ctx, opts: { all?: boolean }) {
  const config = await readConfig(ctx.configDir);
  const removed = [...(config.apiKey ? ["apiKey"] : []), ...(opts.all && config.hfToken ? ["hfToken"] : [])];
  await writeConfig(ctx.configDir, {
    ...config,
    url: undefined,
    apiKey: undefined,
    ...(opts.all ? { hfToken: undefined } : {}),
  });
  ctx.result({ removed }, () => (removed.length ? `forgot ${removed.join(" and ")}` : "nothing stored"));
}

export function registerAuth(program: Command, action: Action) {
  program
    .command("login")
    .description("Check an API key against the API and store it (with the URL) for the next commands")
    .option("--url <url>", "where the API answers, e.g. https://arbiter.example.com")
    .option("--api-key <key>", "the API key (arb_…); read from stdin when left out")
    .option("--hf-token [token]", "also store a Hugging Face token for push-to-hub (stdin when no value)")
    .addHelpText(
      "after",
      `
The key is checked with GET /api/v1/me, then stored with mode 0600 in
$ARBITER_CONFIG_DIR, else $XDG_CONFIG_HOME/arbiter, else ~/.config/arbiter.
ARBITER_URL and ARBITER_API_KEY, when set, take precedence over what is stored.

Examples:
  $ arbiter login --url https://arbiter.example.com < key.txt
  $ echo "$ARBITER_KEY" | arbiter login --url http://localhost:4000
  $ arbiter login --hf-token < hf-token.txt`,
    )
    .action(action(login));

  program
    .command("logout")
    .description("Forget the stored API key (and with --all the Hugging Face token)")
    .option("--all", "also forget the Hugging Face token")
    .addHelpText("after", "\nExamples:\n  $ arbiter logout\n  $ arbiter logout --all")
    .action(action(logout));
}
