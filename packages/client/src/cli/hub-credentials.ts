import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { CliError, usage } from "./cli-error";
import { readConfig } from "./config";
import type { Ctx } from "./context";
import { EXIT } from "./exit-codes";

export const HUB_URL = "https://huggingface.co";

/** Where the Hugging Face CLI keeps its token: HF_TOKEN_PATH, else $HF_HOME/token (huggingface_hub's rule). */
function hfTokenFile(env: NodeJS.ProcessEnv): string {
  if (env.HF_TOKEN_PATH) return env.HF_TOKEN_PATH;
  const cache = env.XDG_CACHE_HOME || path.join(homedir(), ".cache");
  return path.join(env.HF_HOME || path.join(cache, "huggingface"), "token");
}

/**
 * The token to push with and where it came from: --token-env's variable, else HF_TOKEN, else
 * the token `huggingface-cli login` stored, else the one `arbiter login --hf-token` stored.
 */
export async function resolveHubToken(
  ctx: Ctx,
  tokenEnv?: string,
): Promise<{ token: string; source: string }> {
  const env = ctx.io.env;
  if (tokenEnv) {
    const token = env[tokenEnv];
    if (!token) throw usage(`--token-env ${tokenEnv}: that environment variable is not set`);
    return { token, source: tokenEnv };
  }
  if (env.HF_TOKEN) return { token: env.HF_TOKEN, source: "HF_TOKEN" };
  const file = hfTokenFile(env);
  const stored = await readFile(file, "utf8").then(
    (text) => text.trim(),
    () => "",
  );
  if (stored) return { token: stored, source: file };
  const { hfToken } = await readConfig(ctx.configDir);
  if (hfToken) return { token: hfToken, source: "arbiter login --hf-token" };
  throw new CliError(
    EXIT.AUTH,
    "no Hugging Face token: set HF_TOKEN, run `huggingface-cli login`, or `arbiter login --hf-token`",
    "no_hub_token",
  );
}

/** --endpoint, else HF_ENDPOINT (a self-hosted Hub mirror), else the Hub. */
export const hubEndpoint = (ctx: Ctx, endpoint?: string): string =>
  (endpoint || ctx.io.env.HF_ENDPOINT || HUB_URL).replace(/\/+$/, "");
