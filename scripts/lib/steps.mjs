import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";

/** Runs a command with inherited output; rejects (and exits) on failure. */
export function run(cmd, args, { quiet = false, env = process.env } = {}) {
  console.log(`\n> ${cmd} ${args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit", env });
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve();
      console.error(`\n${cmd} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`);
      process.exit(code ?? 1);
    });
  });
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.on("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function checkServices() {
  const pg = new URL(
    process.env.TEST_DATABASE_URL ??
      process.env.DATABASE_URL ??
      "postgresql://postgres@127.0.0.1:5432/arbiter",
  );
  const redis = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const missing = [];
  if (!(await reachable(pg.hostname, Number(pg.port || 5432)))) missing.push(`PostgreSQL at ${pg.host}`);
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) missing.push(`Redis at ${redis.host}`);
  if (missing.length) {
    console.error(
      `\nNot reachable: ${missing.join(", ")}. Start them (see README "Requirements") and retry.`,
    );
    process.exit(1);
  }
}

/** Drops test databases left by interrupted runs; ones still in use refuse to drop and stay. */
export async function cleanStaleTestDatabases() {
  const require = createRequire(import.meta.url);
  const pg = require("pg");
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'arbiter\\_test\\_%' OR datname LIKE 'arbiter\\_e2e\\_%'",
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE "${datname}"`).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian or Ubuntu, where apt has Chromium without snap. */
function debianLike() {
  if (!existsSync("/etc/os-release")) return false;
  const release = readFileSync("/etc/os-release", "utf8");
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
}

/**
 * The browser tests drive Chromium at CHROMIUM_PATH (default /usr/bin/chromium). Checked
 * before anything long runs: installed with apt where this process may (root on Debian or
 * Ubuntu), otherwise the run stops at once with the command to type.
 */
export function ensureChromium() {
  if (executable(CHROMIUM)) return;
  const command = "apt-get update && apt-get install -y chromium";
  if (process.env.CHROMIUM_PATH || process.getuid?.() !== 0 || !debianLike()) {
    console.error(
      `\nChromium not found at ${CHROMIUM}; the browser tests need it.\n` +
        (process.env.CHROMIUM_PATH
          ? "Point CHROMIUM_PATH at a Chromium binary.\n"
          : `Install it: sudo sh -c '${command}'\n`),
    );
    process.exit(1);
  }
  console.log(`\n> ${command}   (Chromium for the browser tests)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (result.status !== 0) {
      console.error(`\napt-get ${args.join(" ")} failed; install Chromium by hand: ${command}`);
      process.exit(1);
    }
  }
  if (!executable(CHROMIUM)) {
    console.error(`\napt installed chromium, but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}
