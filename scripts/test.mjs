#!/usr/bin/env node
// `npm test`: installs dependencies, prepares the test databases, then runs lint,
// typecheck and every test suite (unit, API integration against the real Postgres
// and Redis, browser tests in Chromium). Exits non-zero on any failure.
import { checkServices, cleanStaleTestDatabases, run } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.TURBO_TELEMETRY_DISABLED = "1";

await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
await run("npx", ["prisma", "generate"], { quiet: true });
await checkServices();
await cleanStaleTestDatabases();
await run("npx", ["turbo", "run", "lint", "typecheck", "--output-logs=errors-only"]);
await run("npx", ["turbo", "run", "test", "--concurrency=1", "--output-logs=full"]);
console.log("\nall tests passed");
