import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ensureDatabaseExists, migrateDatabase } from "@arbiter/db";
import { freePort } from "@arbiter/testkit";

const run = promisify(execFile);

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (existsSync(path.join(bin, "initdb"))) return bin;
  }
  throw new Error("initdb not found under /usr/lib/postgresql/*/bin");
}

/** A Postgres cluster of the test's own, on its own port: it can be stopped without touching anyone else. */
export type Cluster = {
  url: (database: string) => string;
  start: () => Promise<void>;
  /** `immediate` is a crash as far as clients are concerned: connections drop, nothing is flushed politely. */
  stop: (mode?: "immediate" | "fast") => Promise<void>;
  destroy: () => Promise<void>;
};

export async function createCluster(): Promise<Cluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "arbiter-faults-pg-"));
  const data = path.join(dir, "data");
  // initdb refuses to run as root; the cluster then belongs to the postgres user.
  const asRoot = userInfo().uid === 0;
  if (asRoot)
    chownSync(
      dir,
      Number((await run("id", ["-u", "postgres"])).stdout),
      Number((await run("id", ["-g", "postgres"])).stdout),
    );
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);

  await pg("initdb", ["-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const cluster: Cluster = {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      await pg("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "start"]);
    },
    stop: async (mode = "fast") => {
      await pg("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
    },
    destroy: async () => {
      await cluster.stop("immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

/** A database in the cluster with every committed migration applied, as production deploys it. */
export async function migratedDatabase(cluster: Cluster, name = "arbiter"): Promise<string> {
  const url = cluster.url(name);
  await ensureDatabaseExists(url);
  await migrateDatabase(url);
  return url;
}
