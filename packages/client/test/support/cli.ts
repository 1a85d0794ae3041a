import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT, runProcess, spawnProcess, type TProcess } from "@arbiter/testkit";

/** The `arbiter` command as `npx arbiter` runs it in the repository (TypeScript through tsx). */
export const CLI_BIN = path.join(REPO_ROOT, "packages/client/bin/arbiter.js");

export type CliRun = {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout as the one JSON document of --json. */
  json: <T = Record<string, unknown>>() => T;
  /** stdout as NDJSON events (--json with --wait). */
  events: () => Record<string, unknown>[];
};

export type CliRunOptions = { env?: Record<string, string>; stdin?: string; timeoutMs?: number };

export type CliHome = {
  /** Where this home's `arbiter login` stores credentials and job state (ARBITER_CONFIG_DIR). */
  configDir: string;
  env: Record<string, string>;
  run: (args: string[], options?: CliRunOptions) => Promise<CliRun>;
  /** The CLI as a live process, to read its output as it comes and kill it mid-way. */
  spawn: (args: string[], options?: Omit<CliRunOptions, "timeoutMs">) => TProcess;
  remove: () => Promise<void>;
};

/**
 * A user's home for the CLI: a config folder of its own, and an environment where the
 * credentials of whoever runs the tests (ARBITER_*, HF_*) cannot leak in.
 */
export async function createCliHome(env: Record<string, string> = {}): Promise<CliHome> {
  const root = await mkdtemp(path.join(tmpdir(), "arbiter-cli-"));
  const configDir = path.join(root, "config");
  const baseEnv = {
    ARBITER_CONFIG_DIR: configDir,
    ARBITER_URL: "",
    ARBITER_API_KEY: "",
    HF_TOKEN: "",
    HF_TOKEN_PATH: "",
    HF_ENDPOINT: "",
    HF_HOME: path.join(root, "huggingface"),
    ...env,
  };
  const spawnOptions = (options: CliRunOptions = {}) => ({
    name: "arbiter",
    env: { ...baseEnv, ...options.env },
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  });
  return {
    configDir,
    env: baseEnv,
    async run(args, options = {}) {
      const result = await runProcess(process.execPath, [CLI_BIN, ...args], {
        ...spawnOptions(options),
        timeoutMs: options.timeoutMs ?? 120_000,
      });
      return cliRun(result.status, result.stdout, result.stderr);
    },
    spawn: (args, options) => spawnProcess(process.execPath, [CLI_BIN, ...args], spawnOptions(options)),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export function cliRun(status: number | null, stdout: string, stderr: string): CliRun {
  const explain = (what: string) => `${what}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
  return {
    status,
    stdout,
    stderr,
    json<T>() {
      try {
        return JSON.parse(stdout) as T;
      } catch {
        throw new Error(explain("stdout is not one JSON document"));
      }
    },
    events() {
      return stdout
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            throw new Error(explain(`not an NDJSON line: ${line}`));
          }
        });
    },
  };
}
