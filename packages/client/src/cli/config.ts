import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { CliError } from "./cli-error";
import { EXIT } from "./exit-codes";

/** What `arbiter login` stores: the API and its key, and optionally a Hugging Face token. */
export type StoredConfig = { url?: string; apiKey?: string; hfToken?: string };

/** ARBITER_CONFIG_DIR, else $XDG_CONFIG_HOME/arbiter, else ~/.config/arbiter. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.ARBITER_CONFIG_DIR) return path.resolve(env.ARBITER_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME ? path.resolve(env.XDG_CONFIG_HOME) : path.join(homedir(), ".config");
  return path.join(base, "arbiter");
}

/** A file of the config folder, parsed; undefined when it does not exist. */
export async function readPrivateJson<T>(dir: string, name: string): Promise<T | undefined> {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CliError(EXIT.UNEXPECTED, `${file} is not valid JSON: fix it or delete it`, "bad_config");
  }
}

/**
 * Writes a file only its owner may read (0600) in a folder only its owner may enter (0700):
 * it holds keys. Written under a temporary name and renamed, so that a crash mid-write never
 * leaves half a file, and the secret never exists with wider permissions.
 */
export async function writePrivateJson(dir: string, name: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode alone; this one is ours to tighten.
  await chmod(dir, 0o700);
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}`);
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path.join(dir, name));
}

export async function removePrivateFile(dir: string, name: string): Promise<void> {
  await rm(path.join(dir, name), { force: true });
}

export const CONFIG_FILE = "config.json";

export const readConfig = async (dir: string): Promise<StoredConfig> =>
  (await readPrivateJson<StoredConfig>(dir, CONFIG_FILE)) ?? {};

/** Stores the config, or removes the file when nothing is left in it. */
export async function writeConfig(dir: string, config: StoredConfig): Promise<void> {
  const kept = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  if (Object.keys(kept).length === 0) await removePrivateFile(dir, CONFIG_FILE);
  else await writePrivateJson(dir, CONFIG_FILE, kept);
}
