import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  freePort,
  REPO_ROOT,
  spawnNode,
  type TProcess,
  type TSpawnOptions,
  waitForHttp,
} from "@arbiter/testkit";

const API_ENTRY = fileURLToPath(new URL("../../src/server.ts", import.meta.url));

export type ApiProcess = TProcess & { url: string };

/** The API as production runs it (src/server.ts in its own process), ready to serve. */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const api = spawnNode(API_ENTRY, {
    name: "api",
    env: { NODE_ENV: "test", API_HOST: "127.0.0.1", API_PORT: String(port), LOG_LEVEL: "warn", ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, { process: api, accept: (status) => status === 200 });
  return Object.assign(api, { url });
}

/**
 * Another app of the monorepo as a real process (the API never imports the worker or the
 * model server; it talks to them through Redis and HTTP, as in production).
 */
export function spawnApp(
  app: "worker" | "model-server",
  entry: string,
  env: Record<string, string>,
  opts: TSpawnOptions = {},
): TProcess {
  return spawnNode(entry, { name: app, cwd: path.join(REPO_ROOT, "apps", app), env, ...opts });
}
