// CPU time spent per request, by the server (its process tree), its Postgres backends and
// the load generator. On a shared machine throughput swings with the neighbours' load;
// CPU time per request barely does, so it tells the two phases apart more steadily.
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

const TICKS_PER_SECOND = 100;

/** utime + stime of a process in ms, or 0 if it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i += 1) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

export type CpuSnapshot = { server: number; postgres: Map<number, number>; client: number };

/** CPU used so far by the server's process tree, the database's backends, and this process. */
export async function snapshotCpu(serverPid: number, admin: pg.Pool, database: string): Promise<CpuSnapshot> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    [database],
  );
  const usage = process.cpuUsage();
  return {
    server: descendants(serverPid).reduce((sum, pid) => sum + cpuMs(pid), 0),
    postgres: new Map(rows.map((r) => [r.pid, cpuMs(r.pid)])),
    client: (usage.user + usage.system) / 1000,
  };
}

/** ms of CPU per request between two snapshots (a backend gone by the end is missed). */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  const per = (a: number, b: number) => Math.max(0, b - a) / Math.max(1, requests);
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  const out = {
    server: per(before.server, after.server),
    postgres: per(0, postgres),
    client: per(before.client, after.client),
  };
  return { ...out, total: out.server + out.postgres + out.client };
}
