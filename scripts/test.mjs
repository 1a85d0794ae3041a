#!/usr/bin/env node
// `npm test`: checks what the run needs (Postgres, Redis, Chromium: installed when it can
// be), installs dependencies, prepares the test databases, then runs lint, typecheck and
// every test suite (unit, API integration against the real Postgres and Redis, browser
// tests in Chromium). Exits non-zero on any failure.
import { checkServices, cleanStaleTestDatabases, ensureChromium, run } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.TURBO_TELEMETRY_DISABLED = "1";

await checkServices();
ensureChromium();
await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
await run("npx", ["prisma", "generate"], { quiet: true });
await cleanStaleTestDatabases();
await run("npx", ["turbo", "run", "lint", "typecheck", "--output-logs=errors-only"]);
await run("npx", ["turbo", "run", "test", "--concurrency=1", "--output-logs=full"]);
console.log("\nall tests passed");
