import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's root folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A command installed in the root node_modules/.bin (tsx, next, …). */
export function localBin(name: string): string {
  return path.join(REPO_ROOT, "node_modules", ".bin", name);
}

export type TSpawnOptions = {
  /** Names the process in error messages. */
  name?: string;
  cwd?: string;
  /** Set over this process's own environment. */
  env?: NodeJS.ProcessEnv;
  /**
   * Its own process group, signalled as a whole: `tsx` and `next start` run the real server
   * as a child, which a signal to the parent alone can leave behind.
   */
  group?: boolean;
  /** Also copy its output to this process's stdout and stderr (benches show it live). */
  echo?: boolean;
  /** Keep only the last this many characters of output (long-lived, chatty processes). */
  keepChars?: number;
  /** Written to its standard input, which is then closed; without it, stdin is /dev/null. */
  stdin?: string;
};

export type TProcess = {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Everything it wrote to stdout and stderr so far, interleaved as it arrived. */
  output: () => string;
  /** What it wrote to stdout alone, and to stderr alone (the same `keepChars` applies). */
  stdout: () => string;
  stderr: () => string;
  /** Its exit code once it has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) unless it has exited, then waits for the exit. */
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves with the exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
};

/** Starts a command with its output captured (see TProcess). */
export function spawnProcess(command: string, args: string[], opts: TSpawnOptions = {}): TProcess {
  const name = opts.name ?? path.basename(command);
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: [opts.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    detached: opts.group ?? false,
  });
  // A process that exits before reading its input closes the pipe: that is its business.
  child.stdin?.on("error", () => undefined);
  child.stdin?.end(opts.stdin);
  const logs = { all: "", stdout: "", stderr: "" };
  const append = (key: keyof typeof logs, text: string) => {
    logs[key] += text;
    if (opts.keepChars !== undefined && logs[key].length > opts.keepChars)
      logs[key] = logs[key].slice(-opts.keepChars);
  };
  const keep = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    append("all", chunk.toString());
    append(stream, chunk.toString());
    if (opts.echo) process[stream].write(chunk);
  };
  child.stdout?.on("data", keep("stdout"));
  child.stderr?.on("data", keep("stderr"));

  const exited = new Promise<number | null>((resolve) => {
    let code: number | null = null;
    let settled = false;
    const settle = () => {
      if (!settled) resolve(code);
      settled = true;
    };
    // 'exit' can come before the last output is read: wait for the pipes to close too, but
    // not for ever, since a grandchild that inherited them may outlive the process.
    child.once("exit", (c) => {
      code = c;
      setTimeout(settle, 1_000).unref();
    });
    child.once("close", (c) => {
      code = c;
      settle();
    });
    child.once("error", (err) => {
      append("all", `\n${name}: ${err.message}\n`);
      settle();
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;

  function signal(sig: NodeJS.Signals) {
    if (!running()) return;
    try {
      if (opts.group) process.kill(-child.pid!, sig);
      else child.kill(sig);
    } catch {
      // Already gone.
    }
  }

  return {
    name,
    child,
    pid: child.pid ?? -1,
    output: () => logs.all,
    stdout: () => logs.stdout,
    stderr: () => logs.stderr,
    exited,
    kill: async (sig = "SIGTERM") => {
      signal(sig);
      return exited;
    },
    stop: async (graceMs = 10_000) => {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A TypeScript entry point of the monorepo run by Node with the tsx loader, as the apps'
 * tests and benches run the API, the worker and the model server: their own processes,
 * their own signal handling.
 */
export function spawnNode(
  entry: string,
  opts: TSpawnOptions & { args?: string[]; nodeArgs?: string[] } = {},
): TProcess {
  const { args = [], nodeArgs = [], ...rest } = opts;
  return spawnProcess(process.execPath, [...nodeArgs, "--import", "tsx", entry, ...args], {
    name: path.basename(entry),
    ...rest,
  });
}

export type TRunResult = { status: number | null; stdout: string; stderr: string; output: string };

/**
 * Runs a command to the end, whatever its exit status (a CLI's refusal is often what a test
 * checks); SIGKILL after `timeoutMs` if given.
 */
export async function runProcess(
  command: string,
  args: string[],
  opts: TSpawnOptions & { timeoutMs?: number } = {},
): Promise<TRunResult> {
  const { timeoutMs, ...rest } = opts;
  const proc = spawnProcess(command, args, rest);
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => void proc.kill("SIGKILL"), timeoutMs);
  const status = await proc.exited;
  clearTimeout(timer);
  return { status, stdout: proc.stdout(), stderr: proc.stderr(), output: proc.output() };
}

/** Runs a command to the end; resolves with its output, rejects with it when it fails. */
export async function runCommand(command: string, args: string[], opts: TSpawnOptions = {}): Promise<string> {
  const run = await runProcess(command, args, opts);
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${run.status}):\n${run.output}`);
  return run.output;
}
