import { spawn } from "node:child_process";
import path from "node:path";

/**
 * libpq's settings for a database URL, passed to pg_dump/pg_restore as environment variables:
 * the password never appears in a process list, and the URL's Prisma-only query parameters
 * (which libpq would reject) are left out.
 */
export function libpqEnv(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {
    PGHOST: url.hostname || "localhost",
    PGPORT: url.port || "5432",
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** pg_dump and pg_restore from PG_BIN_DIR when set (a client matching the server), else PATH. */
function binary(name: "pg_dump" | "pg_restore"): string {
  const dir = process.env.PG_BIN_DIR;
  return dir ? path.join(dir, name) : name;
}

export async function runPgTool(
  name: "pg_dump" | "pg_restore",
  args: string[],
  databaseUrl: string,
): Promise<void> {
  const child = spawn(binary(name), args, {
    env: { ...process.env, ...libpqEnv(databaseUrl) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (err) =>
      reject(
        new Error(
          `${name} could not be started (${err.message}); install postgresql-client or set PG_BIN_DIR`,
        ),
      ),
    );
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`${name} failed (exit ${code}): ${stderr.trim()}`);
}

/** The major version of a pg tool, e.g. 15 for "pg_dump (PostgreSQL) 15.20". */
export async function toolMajorVersion(name: "pg_dump" | "pg_restore"): Promise<number> {
  const child = spawn(binary(name), ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  await new Promise((resolve, reject) => {
    child.on("error", (err) =>
      reject(
        new Error(
          `${name} could not be started (${err.message}); install postgresql-client or set PG_BIN_DIR`,
        ),
      ),
    );
    child.on("close", resolve);
  });
  const match = /(\d+)(?:\.\d+)?/.exec(out);
  if (!match) throw new Error(`could not read the version of ${name} from "${out.trim()}"`);
  return Number(match[1]);
}
