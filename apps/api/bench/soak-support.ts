import { readdirSync, readFileSync } from "node:fs";
import { REPO_ROOT, spawnNode, type TProcess } from "@arbiter/testkit";

/** One app of the stack as its own process, signals delivered to it directly. */
export function startApp(entry: string, env: Record<string, string>): TProcess {
  return spawnNode(entry, {
    cwd: REPO_ROOT,
    // Autoload then loads the API's .ts routes through the same tsx loader.
    env: { NODE_ENV: "production", FASTIFY_AUTOLOAD_TYPESCRIPT: "1", ...env },
    echo: true,
    keepChars: 100_000,
  });
}

function parentOf(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let kb = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    kb += rssKb(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

/**
 * Memory trend of one process over the run, warm-up (first third) left out. Memory here is a
 * sawtooth (an export or a GC cycle moves it by 100 MB), so the verdict compares floors: the
 * lowest RSS of the second half of the measured span against that of the first half. A leak
 * raises the floor; a busy moment does not. "growing" when the floor rose by more than 10 %
 * and 20 MB. The least-squares slope is reported beside it for information.
 */
export function rssTrend(points: { minute: number; mb: number }[]) {
  const measured = points.slice(Math.floor(points.length / 3));
  if (measured.length < 4) return { slopeMbPerMin: 0, floorRiseMb: 0, verdict: "too short to tell" };
  const n = measured.length;
  const mx = measured.reduce((s, p) => s + p.minute, 0) / n;
  const my = measured.reduce((s, p) => s + p.mb, 0) / n;
  const sxy = measured.reduce((s, p) => s + (p.minute - mx) * (p.mb - my), 0);
  const sxx = measured.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  const floor = (ps: typeof measured) => Math.min(...ps.map((p) => p.mb));
  const before = floor(measured.slice(0, Math.floor(n / 2)));
  const floorRiseMb = floor(measured.slice(Math.floor(n / 2))) - before;
  const verdict = floorRiseMb > Math.max(20, 0.1 * before) ? "growing" : "flat";
  return { slopeMbPerMin: sxx === 0 ? 0 : sxy / sxx, floorRiseMb, verdict };
}

export function p99(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;
}
