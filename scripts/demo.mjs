#!/usr/bin/env node
// `npm run demo`: installs, builds, prepares and seeds the database, then runs the whole
// stack (api, worker, model server, web) until Ctrl-C, and stops it cleanly. Once the stack
// answers, the demo project's completions are generated through the worker and the model
// server and built into items (apps/api/src/cli/demo-generate.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkServices, run } from "./lib/steps.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const stateDir = path.join(root, ".arbiter");
mkdirSync(stateDir, { recursive: true });

function demoSecret() {
  const file = path.join(stateDir, "secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/arbiter",
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  API_PORT: process.env.API_PORT ?? "4000",
  WEB_PORT: process.env.WEB_PORT ?? "3000",
  MODEL_SERVER_PORT: process.env.MODEL_SERVER_PORT ?? "8000",
  WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT ?? "4100",
  ARBITER_SECRET: process.env.ARBITER_SECRET ?? demoSecret(),
  EXPORT_DIR: process.env.EXPORT_DIR ?? path.join(stateDir, "exports"),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // The web app reaches the API from 127.0.0.1 and says who its client was; only it is believed.
  TRUST_PROXY: process.env.TRUST_PROXY ?? "127.0.0.1",
};
env.API_URL = process.env.API_URL ?? `http://127.0.0.1:${env.API_PORT}`;
// The model server stand-in listens on loopback, which generators may reach only where the
// operator allows it; the API (checking base URLs) and the worker (connecting) both read this.
env.GENERATOR_ALLOWED_HOSTS = [process.env.GENERATOR_ALLOWED_HOSTS, `127.0.0.1:${env.MODEL_SERVER_PORT}`]
  .filter(Boolean)
  .join(",");

await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
await run("npx", ["prisma", "generate"], { quiet: true });
await checkServices();
await run("npx", ["turbo", "run", "build", "--output-logs=errors-only"], { env });
await run("npx", ["tsx", "packages/db/src/cli/prepare.ts"], { env });
await run("npx", ["tsx", "apps/api/src/cli/seed-demo.ts"], { env });

// Each app that has been built; the model server is a development stand-in for vLLM.
const apps = [
  { name: "api", cwd: "apps/api", cmd: ["node", "dist/server.js"] },
  { name: "worker", cwd: "apps/worker", cmd: ["node", "dist/index.js"] },
  { name: "model", cwd: "apps/model-server", cmd: ["node", "dist/server.js"] },
  { name: "web", cwd: "apps/web", cmd: ["node", "server.mjs", "-p", env.WEB_PORT] },
].filter((app) => existsSync(path.join(app.cwd, app.name === "web" ? ".next" : app.cmd[1])));

const children = apps.map((app) => {
  const [cmd, ...args] = app.cmd;
  const child = spawn(cmd, args, { cwd: path.join(root, app.cwd), env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${app.name}]`.padEnd(9);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      for (const line of String(chunk).split("\n")) if (line.trim()) console.log(`${prefix}${line}`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? code}); stopping the demo`);
      stop(1);
    }
  });
  return child;
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping…");
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

console.log(`
Arbiter is starting: ${apps.map((a) => a.name).join(", ")}
  Web:      http://localhost:${env.WEB_PORT}
  API docs: ${env.API_URL}/api/v1/docs
Sign in with a login printed above. Ctrl-C stops everything.
`);

/** Resolves when the URL answers below 500; false when `ms` passed first or the demo is stopping. */
async function answers(url, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

// The pipeline a newcomer should see: prompts -> generation run (worker -> model server) -> items.
if (["api", "worker", "model"].every((name) => apps.some((a) => a.name === name))) {
  const ready = await Promise.all([
    answers(`${env.API_URL}/healthz`),
    answers(`http://127.0.0.1:${env.MODEL_SERVER_PORT}/health`),
    answers(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/healthz`),
  ]);
  if (stopping) {
    // Ctrl-C came first.
  } else if (ready.every(Boolean)) {
    const generate = spawn("npx", ["tsx", "apps/api/src/cli/demo-generate.ts"], { env, stdio: "inherit" });
    children.push(generate);
    generate.on("exit", (code) => {
      children.splice(children.indexOf(generate), 1);
      if (code !== 0 && !stopping) console.error("[demo]   generation step failed; the stack keeps running");
    });
  } else {
    console.error("[demo]   api, worker or model server did not answer; skipping the generation step");
  }
}
