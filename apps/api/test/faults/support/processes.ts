import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const API_ENTRY = fileURLToPath(new URL("../../../src/server.ts", import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export type Spawned = {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  signal: (sig: NodeJS.Signals) => Promise<number | null>;
};

export function spawnNode(entry: string, env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    signal: async (sig) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
      return exited;
    },
  };
}

export type ApiProcess = Spawned & { url: string };

/** The API as production runs it (src/server.ts in its own process), ready to serve. */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const api = spawnNode(API_ENTRY, {
    API_HOST: "127.0.0.1",
    API_PORT: String(port),
    LOG_LEVEL: "warn",
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200, {
    what: "the API to become ready",
    output: api.output,
    exited: api.exited,
  });
  return { ...api, url };
}

/** Polls until the condition holds; fails with the process output when it never does or the process dies. */
export async function waitFor(
  condition: () => Promise<boolean>,
  opts: { what: string; timeoutMs?: number; output?: () => string; exited?: Promise<unknown> },
): Promise<void> {
  let dead = false;
  void opts.exited?.then(() => {
    dead = true;
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (await condition()) return;
    if (dead || Date.now() > deadline) {
      throw new Error(
        `gave up waiting for ${opts.what}${dead ? " (process exited)" : ""}\n${opts.output?.() ?? ""}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
