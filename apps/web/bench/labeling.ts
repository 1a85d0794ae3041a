// npm run bench:web — how fast the labeling page answers a key press, and how much
// JavaScript it ships. Builds the web app when its sources changed, starts the real API
// on its own database and the production web server (the browser tests' start-up), seeds
// a pairwise project of markdown answers through the API, and drives headless Chromium
// through keyboard judgments, measuring inside the page (see in-page.ts). Then sums the
// labeling route's first-load JavaScript from the build output (see bundle-size.ts).
//
//   BENCH_JUDGMENTS=100 BENCH_WARMUP=10 [BENCH_CPU_PROF=/tmp/prof] npm run bench:web
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TProject } from "@arbiter/shared";
import { createTestDatabase, percentile, type TProcess } from "@arbiter/testkit";
import { currentAssignment, launch, newPage, signIn } from "../e2e/support/browser";
import { clearQueues } from "../e2e/support/generation-stack";
import { ApiClient, addItems, PASSWORD } from "../e2e/support/seed";
import { ADMIN, buildIfStale, startWebStack } from "../e2e/support/web-stack";
import { firstLoadJs, measureChunks } from "./bundle-size";
import { completion, prompt } from "./completions";
import { MEASURE_SCRIPT, type TMeasurement } from "./in-page";

/** Script chunks the page loaded by its load event, and by the end of the run. */
type TLoadedChunks = { atLoad: string[]; atEnd: string[] };

const JUDGMENTS = Number(process.env.BENCH_JUDGMENTS ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const ROUTE = "(app)/annotate/[projectId]/page";
const ANNOTATOR = "bench-annotator@e2e.test";
/**
 * "A (or B), clearly better" in the labeling page's keys (features/annotate/keys.ts: a choice
 * letter, then a strength digit), then Enter, which sends the judgment: the timed key press.
 */
const judgmentKeys = (i: number) => [i % 2 === 0 ? "a" : "b", "3"];

async function seedProject(admin: ApiClient, items: number): Promise<TProject> {
  const { user } = await admin.json<{ user: { id: string } }>("POST", "/users", {
    email: ANNOTATOR,
    role: "ANNOTATOR",
    name: "Bea Bench",
    password: PASSWORD,
  });
  const { pool } = await admin.json<{ pool: { id: string } }>("POST", "/pools", { name: "Bench annotators" });
  await admin.json("POST", `/pools/${pool.id}/members`, { userIds: [user.id] });
  const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
    name: "Bench: helpfulness",
    poolIds: [pool.id],
    judgmentsPerItem: 1,
    guidelines: "## Pick the more helpful answer\n\nPrefer answers that are **correct** and **clear**.",
  });
  const indexes = Array.from({ length: items }, (_, i) => i);
  await addItems(admin, project.id, indexes.map(prompt), (i) => [completion(i, 0), completion(i, 1)]);
  return project;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function describe(label: string, values: number[], format: (x: number) => string) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(28)} median ${format(percentile(sorted, 50))}, p95 ${format(percentile(sorted, 95))}`,
  );
}

async function measureJudgments(
  web: string,
  projectId: string,
): Promise<{ runs: TMeasurement[]; chunks: TLoadedChunks; chromium: string }> {
  const browser = await launch();
  try {
    const { context, page } = await newPage(browser);
    await context.addInitScript(MEASURE_SCRIPT);
    await signIn(page, web, ANNOTATOR);
    await page.goto(`${web}/annotate/${projectId}`, { waitUntil: "load" });
    const chunks = () =>
      page.evaluate(() => (window as unknown as { __bench: { chunks: string[] } }).__bench.chunks);
    const atLoad = await chunks();
    const runs: TMeasurement[] = [];
    // BENCH_CPU_PROF=dir: a CPU profile of the page over the timed judgments (open it in
    // Chromium's DevTools, Performance panel), to see where the time between key and paint goes.
    const profiler = process.env.BENCH_CPU_PROF ? await context.newCDPSession(page) : null;
    for (let i = 0; i < WARMUP + JUDGMENTS; i++) {
      if (i === WARMUP && profiler) {
        await profiler.send("Profiler.enable");
        await profiler.send("Profiler.start");
      }
      const previous = await currentAssignment(page);
      for (const key of judgmentKeys(i)) await page.keyboard.press(key);
      await page.evaluate(
        (id) => (window as unknown as { __bench: { arm: (id: string) => void } }).__bench.arm(id),
        previous,
      );
      await page.keyboard.press("Enter");
      const handle = await page.waitForFunction(
        () => (window as unknown as { __bench: { result: TMeasurement | null } }).__bench.result,
        undefined,
        { polling: 25 },
      );
      const run = (await handle.jsonValue()) as TMeasurement;
      if (i >= WARMUP) runs.push(run);
    }
    if (profiler) {
      const { profile } = await profiler.send("Profiler.stop");
      mkdirSync(process.env.BENCH_CPU_PROF!, { recursive: true });
      const file = path.join(process.env.BENCH_CPU_PROF!, "labeling.cpuprofile");
      writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU profile of the page: ${file}`);
    }
    return { runs, chunks: { atLoad, atEnd: await chunks() }, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}

function report(runs: TMeasurement[]) {
  const timed = runs.filter((r) => r.request && r.attempts === 1);
  const painted = timed.map((r) => r.paintedAt - r.pressedAt);
  const request = timed.map((r) => r.request!.responseEnd - r.request!.startTime);
  const ratio = timed.map((_, i) => painted[i]! / request[i]!);
  console.log(
    `\nkey press → next item painted (n = ${timed.length} of ${runs.length} judgments, ${WARMUP} warm-up left out)`,
  );
  describe("painted", painted, ms);
  describe("request (judgment POST)", request, ms);
  describe("ratio painted ÷ request", ratio, (x) => x.toFixed(2));
  describe(
    "key → request start",
    timed.map((r) => r.request!.startTime - r.pressedAt),
    ms,
  );
  describe(
    "response end → in DOM",
    timed.map((r) => r.inDomAt - r.request!.responseEnd),
    ms,
  );
  describe(
    "in DOM → painted",
    timed.map((r) => r.paintedAt - r.inDomAt),
    ms,
  );
  describe(
    "painted, by double rAF",
    timed.map((r) => r.doubleRafAt - r.pressedAt),
    ms,
  );
  const chains = new Map<string, number>();
  for (const r of runs) {
    const key = r.chain.map((p) => p.replace(/[0-9a-f-]{36}/g, ":id")).join(" + ") || "(none)";
    chains.set(key, (chains.get(key) ?? 0) + 1);
  }
  console.log("  requests between key press and paint:");
  for (const [chain, count] of chains) console.log(`    ${count}× ${chain}`);
}

function reportBundle(nextDir: string, loaded: TLoadedChunks) {
  const { totalGzipBytes, chunks } = firstLoadJs(nextDir, ROUTE);
  const shipped = chunks.reduce((s, c) => s + c.bytes, 0);
  console.log(
    `\nfirst-load JavaScript of /annotate/[projectId]: ${kB(totalGzipBytes)} gzipped (${chunks.length} chunks, ${kB(shipped)} as shipped)`,
  );
  for (const c of chunks.slice(0, 5)) console.log(`  ${kB(c.gzipBytes).padStart(9)}  ${c.file}`);
  // Cross-checks the manifests against what the browser really fetched.
  const counted = new Set(chunks.map((c) => `/_next/${c.file}`));
  const missing = [...counted].filter((p) => !loaded.atLoad.includes(p));
  console.log(
    `  by the load event the browser had fetched ${loaded.atLoad.length} chunks; counted but not fetched: ${missing.length}`,
  );
  const later = [...new Set(loaded.atEnd)].filter((p) => !counted.has(p));
  if (later.length === 0) return;
  const lazy = measureChunks(
    nextDir,
    later.map((p) => p.replace(/^\/_next\//, "")),
  );
  console.log(`  fetched later by import(): ${kB(lazy.totalGzipBytes)} gzipped`);
  for (const c of lazy.chunks) console.log(`  ${kB(c.gzipBytes).padStart(9)}  ${c.file}`);
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await buildIfStale(env);
  const db = await createTestDatabase();
  const redisPrefix = `arbiter-bench-web-${randomUUID().slice(0, 8)}`;
  const procs: TProcess[] = [];
  try {
    const { api, web } = await startWebStack({
      env,
      dbUrl: db.url,
      procs,
      apiEnv: { REDIS_PREFIX: redisPrefix },
    });
    const admin = await ApiClient.signIn(api, ADMIN.email, ADMIN.password);
    const project = await seedProject(admin, WARMUP + JUDGMENTS + 10);
    const { runs, chunks, chromium } = await measureJudgments(web, project.id);
    console.log(
      `bench:web — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Chromium ${chromium} headless, Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    report(runs);
    reportBundle(path.resolve(import.meta.dirname, "../.next"), chunks);
  } finally {
    for (const proc of procs.reverse()) await proc.stop();
    await clearQueues(redisPrefix);
    await db.drop();
  }
}

await main();
