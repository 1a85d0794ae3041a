// Browser tests: builds the web app when its sources changed, starts the real API on its
// own database and the production web server (server.mjs) on free ports, seeds through the
// API, and drives headless Chromium through the flows. Exits non-zero on the first failing flow.
import { randomUUID } from "node:crypto";
import { createTestDatabase, freePort, type TProcess } from "@arbiter/testkit";
import {
  startTestIdp,
  TEST_IDP_CLIENT_ID,
  TEST_IDP_CLIENT_SECRET,
  type TTestIdp,
} from "@arbiter/testkit/oidc-provider";
import { accessibilityFlow } from "./flows/accessibility";
import { accountSecurityFlow } from "./flows/account-security";
import { analyticsFlow } from "./flows/analytics";
import { annotateKeyboardFlow } from "./flows/annotate-keyboard";
import { apiKeysFlow } from "./flows/api-keys";
import { arenaFlow } from "./flows/arena";
import { arenaSetupFlow } from "./flows/arena-setup";
import { clientAddressFlow } from "./flows/client-address";
import { dataBrowserFlow } from "./flows/data-browser";
import { erasureFlow } from "./flows/erasure";
import { errorStateFlow } from "./flows/error-state";
import { exportsFlow } from "./flows/exports";
import { generationFlow } from "./flows/generation";
import { languagesFlow } from "./flows/languages";
import { phoneFlow } from "./flows/phone";
import { poolsQualityFlow } from "./flows/pools-quality";
import { projectSetupFlow } from "./flows/project-setup";
import { rankingFlow } from "./flows/ranking";
import { researcherJourneyFlow } from "./flows/researcher-journey";
import { securityFlow } from "./flows/security";
import { SSO_ACCOUNTS, signInFlow } from "./flows/sign-in";
import { signInNextFlow } from "./flows/sign-in-next";
import type { Flow, FlowContext } from "./flows/types";
import { untrustedOutputFlow } from "./flows/untrusted-output";
import { webhooksFlow } from "./flows/webhooks";
import { launch, SCREENSHOT_DIR, screenshot } from "./support/browser";
import { clearQueues, modelServerHost, startGenerationStack } from "./support/generation-stack";
import { ApiClient, seed } from "./support/seed";
import { ADMIN, buildIfStale, startWebStack } from "./support/web-stack";

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
  apiKeysFlow,
  languagesFlow,
  projectSetupFlow,
  arenaSetupFlow,
  dataBrowserFlow,
  researcherJourneyFlow,
  arenaFlow,
  webhooksFlow,
  erasureFlow,
  // Last: it visits every page with what the other flows left behind.
  accessibilityFlow,
];

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
  let idp: TTestIdp | undefined;
  try {
    const modelServerPort = await freePort();
    // The webhooks flow's receiver listens on loopback, which the API allows only when told.
    const webhookReceiverPort = await freePort();
    const arenaModelServerPort = await freePort();
    const idpPort = await freePort();
    const admin = ADMIN;
    const { api, web } = await startWebStack({
      env: baseEnv,
      dbUrl: db.url,
      procs,
      apiEnv: {
        REDIS_PREFIX: redisPrefix,
        GENERATOR_ALLOWED_HOSTS: `${modelServerHost(modelServerPort)},127.0.0.1:${webhookReceiverPort},${modelServerHost(arenaModelServerPort)}`,
        // Single sign-on against a real OpenID provider, started below once the web app's
        // address (its redirect URI) is known; the API discovers it at the first sign-in.
        OIDC_PROVIDERS: "lab",
        OIDC_LAB_ISSUER: `http://127.0.0.1:${idpPort}`,
        OIDC_LAB_CLIENT_ID: TEST_IDP_CLIENT_ID,
        OIDC_LAB_CLIENT_SECRET: TEST_IDP_CLIENT_SECRET,
        OIDC_LAB_NAME: "Lab login",
        OIDC_LAB_ROLE_CLAIM: "groups",
        OIDC_LAB_ROLE_MAP: "arbiter-researchers=RESEARCHER",
      },
    });
    idp = await startTestIdp(SSO_ACCOUNTS, [`${web}/api/v1/auth/oidc/lab/callback`], idpPort);
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
      webhookReceiverPort,
      arenaModelServerPort,
      idp,
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
    await idp?.close();
    for (const proc of procs.reverse()) await proc.stop();
    await clearQueues(redisPrefix);
    await db.drop();
  }
  console.log(`\nbrowser tests: ${flows.length - failures.length} passed, ${failures.length} failed`);
  console.log(`screenshots: ${SCREENSHOT_DIR}`);
  if (failures.length) process.exit(1);
}

await main();
