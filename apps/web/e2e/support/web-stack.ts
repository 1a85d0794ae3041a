import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { freePort, localBin, runCommand, spawnProcess, type TProcess, waitForHttp } from "@arbiter/testkit";
import { startApp } from "./processes";

/** The first admin, created by the API on start-up the way a fresh installation gets one. */
export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };

const webDir = path.resolve(import.meta.dirname, "../..");

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** `next build` takes a while on two cores: skip it when the build is newer than every source. */
export async function buildIfStale(env: NodeJS.ProcessEnv) {
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  const sources = ["src", "messages", "next.config.ts", "package.json", "../../packages/shared/src"].map(
    (p) => newestMtime(path.join(webDir, p)),
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  console.log("building the web app (next build)…");
  await runCommand(localBin("next"), ["build"], {
    cwd: webDir,
    env: { ...env, NODE_ENV: "production" as const },
  });
}

/**
 * The real API on `dbUrl` and the production web server (server.mjs) in front of it, on
 * free ports; both are pushed onto `procs` for the caller to stop. `apiEnv` adds to the
 * API's environment (queue prefix, allowed generator hosts).
 */
export async function startWebStack(opts: {
  env: NodeJS.ProcessEnv;
  dbUrl: string;
  procs: TProcess[];
  apiEnv?: Record<string, string>;
}): Promise<{ api: string; web: string }> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const api = `http://127.0.0.1:${apiPort}`;
  const web = `http://127.0.0.1:${webPort}`;
  const apiProc = startApp("api", "apps/api/src/server.ts", {
    ...opts.env,
    NODE_ENV: "test" as const,
    DATABASE_URL: opts.dbUrl,
    API_HOST: "127.0.0.1",
    API_PORT: String(apiPort),
    LOG_LEVEL: "warn",
    LOGIN_RATE_LIMIT: "1000",
    // The default, which flows/client-address.ts sprays past from addresses of its own; the
    // other flows' failed sign-ins (from 127.0.0.1) stay well under it.
    LOGIN_ADDRESS_LIMIT: "20",
    // The web app proxies /api from 127.0.0.1 and names its client in X-Forwarded-For.
    TRUST_PROXY: "127.0.0.1",
    ARBITER_ADMIN_EMAIL: ADMIN.email,
    ARBITER_ADMIN_PASSWORD: ADMIN.password,
    ...opts.apiEnv,
  });
  opts.procs.push(apiProc);
  const webProc = spawnProcess(process.execPath, ["server.mjs", "-p", String(webPort), "-H", "127.0.0.1"], {
    name: "web",
    cwd: webDir,
    env: { ...opts.env, NODE_ENV: "production", API_URL: api },
    group: true,
    keepChars: 20_000,
  });
  opts.procs.push(webProc);
  await waitForHttp(`${api}/healthz`, { process: apiProc, timeoutMs: 120_000 });
  await waitForHttp(`${web}/sign-in`, { process: webProc, timeoutMs: 120_000 });
  return { api, web };
}
