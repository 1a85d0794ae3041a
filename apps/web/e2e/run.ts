// Browser tests: builds the web app when its sources changed, starts the real API on its
// own database and the production web server (server.mjs) on free ports, seeds through the
// API, and drives headless Chromium through the flows. Exits non-zero on the first failing flow.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  createTestDatabase,
  freePort,
  localBin,
  runCommand,
  spawnProcess,
  type TProcess,
  waitForHttp,
} from "@arbiter/testkit";
import { accountSecurityFlow } from "./flows/account-security";
import { analyticsFlow } from "./flows/analytics";
import { annotateKeyboardFlow } from "./flows/annotate-keyboard";
import { clientAddressFlow } from "./flows/client-address";
import { dataBrowserFlow } from "./flows/data-browser";
import { errorStateFlow } from "./flows/error-state";
import { exportsFlow } from "./flows/exports";
import { generationFlow } from "./flows/generation";
import { phoneFlow } from "./flows/phone";
import { poolsQualityFlow } from "./flows/pools-quality";
import { rankingFlow } from "./flows/ranking";
import { securityFlow } from "./flows/security";
import { signInFlow } from "./flows/sign-in";
import { signInNextFlow } from "./flows/sign-in-next";
import type { Flow, FlowContext } from "./flows/types";
import { untrustedOutputFlow } from "./flows/untrusted-output";
import { launch, SCREENSHOT_DIR, screenshot } from "./support/browser";
import { clearQueues, modelServerHost, startGenerationStack } from "./support/generation-stack";
import { startApp } from "./support/processes";
import { ApiClient, seed } from "./support/seed";

const FLOWS: Flow[] = [
  signInFlow,
  signInNextFlow,
  untrustedOutputFlow,
  securityFlow,
  clientAddressFlow,
  annotateKeyboardFlow,
  rankingFlow,
  phoneFlow,
  errorStateFlow,
  poolsQualityFlow,
  analyticsFlow,
  generationFlow,
  exportsFlow,
  accountSecurityFlow,
  dataBrowserFlow,
];

const webDir = path.resolve(import.meta.dirname, "..");

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** `next build` takes a while on two cores: skip it when the build is newer than every source. */
async function buildIfStale(env: NodeJS.ProcessEnv) {
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  const sources = ["src", "next.config.ts", "package.json", "../../packages/shared/src"].map((p) =>
    newestMtime(path.join(webDir, p)),
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  console.log("e2e: building the web app (next build)…");
  await runCommand(localBin("next"), ["build"], {
    cwd: webDir,
    env: { ...env, NODE_ENV: "production" as const },
  });
}

async function main() {
  // E2E_FLOWS=generation,pools runs only the flows whose names start with one of those words.
  const only = process.env.E2E_FLOWS?.split(",").filter(Boolean);
  const flows = only ? FLOWS.filter((f) => only.some((o) => f.name.startsWith(o))) : FLOWS;
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await buildIfStale(baseEnv);
  const db = await createTestDatabase();
  // Queue keys of this run only, so a worker of another run or of the demo never takes its jobs.
  const redisPrefix = `arbiter-e2e-${randomUUID().slice(0, 8)}`;
  const procs: TProcess[] = [];
  const browser = await launch();
  const failures: string[] = [];
  try {
    const [apiPort, webPort, modelServerPort] = [await freePort(), await freePort(), await freePort()];
    const api = `http://127.0.0.1:${apiPort}`;
    const web = `http://127.0.0.1:${webPort}`;
    const admin = { email: "admin@e2e.test", password: "e2e-admin-password" };
    const apiEnv = {
      ...baseEnv,
      NODE_ENV: "test" as const,
      DATABASE_URL: db.url,
      API_HOST: "127.0.0.1",
      API_PORT: String(apiPort),
      LOG_LEVEL: "warn",
      LOGIN_RATE_LIMIT: "1000",
      // The default, which flows/client-address.ts sprays past from addresses of its own; the
      // other flows' failed sign-ins (from 127.0.0.1) stay well under it.
      LOGIN_ADDRESS_LIMIT: "20",
      // The web app proxies /api from 127.0.0.1 and names its client in X-Forwarded-For.
      TRUST_PROXY: "127.0.0.1",
      REDIS_PREFIX: redisPrefix,
      // The first admin, created on start-up the way a fresh installation gets one.
      ARBITER_ADMIN_EMAIL: admin.email,
      ARBITER_ADMIN_PASSWORD: admin.password,
      GENERATOR_ALLOWED_HOSTS: modelServerHost(modelServerPort),
    };
    const apiProc = startApp("api", "apps/api/src/server.ts", apiEnv);
    procs.push(apiProc);
    const webProc = spawnProcess(process.execPath, ["server.mjs", "-p", String(webPort), "-H", "127.0.0.1"], {
      name: "web",
      cwd: webDir,
      env: { ...baseEnv, NODE_ENV: "production", API_URL: api },
      group: true,
      keepChars: 20_000,
    });
    procs.push(webProc);
    await waitForHttp(`${api}/healthz`, { process: apiProc, timeoutMs: 120_000 });
    await waitForHttp(`${web}/sign-in`, { process: webProc, timeoutMs: 120_000 });
    // The generation flow needs the worker and a model server: real processes, like the API.
    const generation = await startGenerationStack({
      env: baseEnv,
      dbUrl: db.url,
      redisPrefix,
      procs,
      modelServerPort,
    });
    const seeded = await seed(await ApiClient.signIn(api, admin.email, admin.password));
    seeded.emails.admin = admin.email;
    const ctx: FlowContext = {
      browser,
      web,
      api,
      db,
      seeded,
      admin,
      modelServerUrl: generation.modelServerUrl,
      databaseUrl: db.url,
      redisPrefix,
    };

    for (const flow of flows) {
      const started = Date.now();
      try {
        await flow.run(ctx);
        console.log(`  ✓ ${flow.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (err) {
        console.log(`  ✗ ${flow.name}\n    ${(err as Error).stack ?? err}`);
        failures.push(flow.name);
        for (const context of browser.contexts()) {
          for (const page of context.pages())
            await screenshot(page, `failure-${failures.length}`).catch(() => {});
          await context.close().catch(() => {});
        }
      }
    }
    if (failures.length) {
      for (const proc of procs) console.log(`\n--- ${proc.name} output ---\n${proc.output().slice(-4000)}`);
    }
  } finally {
    await browser.close();
    for (const proc of procs.reverse()) await proc.stop();
    await clearQueues(redisPrefix);
    await db.drop();
  }
  console.log(`\nbrowser tests: ${flows.length - failures.length} passed, ${failures.length} failed`);
  console.log(`screenshots: ${SCREENSHOT_DIR}`);
  if (failures.length) process.exit(1);
}

await main();
