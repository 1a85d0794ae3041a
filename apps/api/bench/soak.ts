// npm run bench:soak [-- --annotators 500 --minutes 10 --think-ms 1500 --interval 15 --export-every 60]
// The full stack for a long while: the API and the worker as their own processes against a
// fresh database and Redis, N simulated annotators following the labeling page (judge, take
// the next item from the answer, read for a while), and a researcher starting an export every
// minute so the worker has real work. Every interval it prints throughput, p99, errors and
// the RSS of each process; at the end a memory trend per process and a consistency check:
// every answer that got a 201 is in the database exactly once, and nothing else is.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { clearRedisPrefix, createTestDatabase, freePort, waitForHttp } from "@arbiter/testkit";
import { hashToken } from "../src/lib/tokens";
import { call, httpPool } from "./load";
import { seedBench } from "./seed";
import { p99, rssTrend, startApp, treeRssMb } from "./soak-support";

const { values } = parseArgs({
  options: {
    annotators: { type: "string", default: "500" },
    minutes: { type: "string", default: "10" },
    "think-ms": { type: "string", default: "1500" },
    interval: { type: "string", default: "15" },
    "export-every": { type: "string", default: "60" },
  },
});
const ANNOTATORS = Number(values.annotators);
const MINUTES = Number(values.minutes);
const THINK_MS = Number(values["think-ms"]);
const INTERVAL_S = Number(values.interval);
const EXPORT_EVERY_MS = Number(values["export-every"]) * 1000;
const think = () => new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const db = await createTestDatabase();
const exportDir = mkdtempSync(path.join(tmpdir(), "arbiter-soak-"));
const prefix = `arbiter-soak-${randomUUID().slice(0, 8)}`;
// Enough items that nobody runs out: the expected answers, three per item, plus a margin.
const expected = (ANNOTATORS * MINUTES * 60_000) / Math.max(THINK_MS, 50);
const { projectId, tokens } = await seedBench(db.pool, ANNOTATORS, Math.ceil((expected / 3) * 1.5) + 1000);
const researcherKey = `arb_soak_${randomBytes(24).toString("base64url")}`;
await db.pool.query(
  `INSERT INTO api_keys (user_id, name, prefix, key_hash)
   SELECT id, 'soak', 'arb_soak', $1 FROM users WHERE email = 'owner@bench.local'`,
  [hashToken(researcherKey)],
);

const port = await freePort();
const common = {
  DATABASE_URL: db.url,
  REDIS_PREFIX: prefix,
  EXPORT_DIR: exportDir,
  LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? "warn",
  // The apps run with NODE_ENV=production, which refuses the development secret.
  ARBITER_SECRET: randomBytes(32).toString("hex"),
};
const api = startApp("apps/api/src/server.ts", { ...common, API_PORT: String(port), DB_POOL_SIZE: "20" });
const worker = startApp("apps/worker/src/index.ts", { ...common, WORKER_HEALTH_PORT: "0" });
const base = `http://127.0.0.1:${port}`;
const http = httpPool(base, ANNOTATORS + 4);

type Bucket = { judgments: number; ms: number[]; errors: number };
const newBucket = (): Bucket => ({ judgments: 0, ms: [], errors: 0 });
let bucket = newBucket();
const acked = new Map<string, string>(); // idempotency key -> judgment id
let errors = 0;
// Set once the stack is up.
let started = 0;
let deadline = 0;

async function request(method: "POST" | "GET", url: string, headers: Record<string, string>, body?: object) {
  const t = performance.now();
  try {
    const res = await call(http, method, url, headers, body);
    bucket.ms.push(performance.now() - t);
    if (res.status >= 400) {
      bucket.errors += 1;
      errors += 1;
    }
    return res;
  } catch {
    bucket.errors += 1;
    errors += 1;
    return { status: 0, body: null };
  }
}

async function annotator(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  await think();
  let next: { id: string } | null = null;
  while (Date.now() < deadline) {
    if (!next) {
      const got = await request("POST", `/api/v1/projects/${projectId}/assignments`, headers);
      if (got.status !== 201) {
        await think();
        continue;
      }
      next = got.body.assignment;
    }
    await think();
    const key = randomUUID();
    const body = { choice: Math.random() < 0.5 ? "A" : "B", durationMs: THINK_MS };
    // Like the labeling page: an answer without a 201 is sent again with the same key.
    for (let attempt = 0; ; attempt++) {
      const res = await request(
        "POST",
        `/api/v1/assignments/${next!.id}/judgment`,
        { ...headers, "idempotency-key": key },
        body,
      );
      if (res.status === 201) {
        acked.set(key, res.body.judgment.id);
        bucket.judgments += 1;
        next = res.body.next;
        break;
      }
      if (res.status >= 400 && res.status < 500) {
        next = null;
        break;
      }
      if (attempt > 20) throw new Error(`judgment kept failing: ${res.status}`);
      await pause(200);
    }
  }
}

async function researcher() {
  const headers = { authorization: `Bearer ${researcherKey}` };
  let exports = 0;
  while (Date.now() + EXPORT_EVERY_MS < deadline) {
    await pause(EXPORT_EVERY_MS);
    const res = await request("POST", `/api/v1/projects/${projectId}/exports`, headers, { format: "raw" });
    if (res.status === 202) exports += 1;
  }
  return exports;
}

const rss = { api: [] as { minute: number; mb: number }[], worker: [] as { minute: number; mb: number }[] };
function report() {
  const b = bucket;
  bucket = newBucket();
  const minute = (Date.now() - started) / 60_000;
  const apiMb = treeRssMb(api.pid);
  const workerMb = treeRssMb(worker.pid);
  rss.api.push({ minute, mb: apiMb });
  rss.worker.push({ minute, mb: workerMb });
  console.log(
    `${`${Math.round(minute * 60)}s`.padStart(5)} ${(b.judgments / INTERVAL_S).toFixed(1).padStart(12)} ${p99(b.ms).toFixed(1).padStart(8)} ${String(b.errors).padStart(7)} ${apiMb.toFixed(0).padStart(8)} ${workerMb.toFixed(0).padStart(10)}`,
  );
}

let exitCode = 0;
let reporter: NodeJS.Timeout | undefined;
try {
  await waitForHttp(`${base}/healthz`, { process: api, accept: (s) => s === 200 });
  console.log(
    `bench:soak — ${ANNOTATORS} annotators, ${MINUTES} min, think ${THINK_MS} ms (±50 %), report every ${INTERVAL_S} s`,
  );
  console.log("   t  judgments/s   p99 ms  errors   API MB  worker MB");
  started = Date.now();
  deadline = started + MINUTES * 60_000;
  reporter = setInterval(report, INTERVAL_S * 1000);
  const [, exportsStarted] = await Promise.all([Promise.all(tokens.map(annotator)), researcher()]);
  clearInterval(reporter);
  const all = [...acked.values()];
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE id = ANY($2::uuid[]))::int AS acknowledged,
            count(DISTINCT idempotency_key)::int AS keys
       FROM judgments WHERE project_id = $1`,
    [projectId, all],
  );
  const { rows: exported } = await db.pool.query(
    "SELECT status, count(*)::int AS n FROM exports GROUP BY status ORDER BY status",
  );
  const counts = rows[0] as { total: number; acknowledged: number; keys: number };
  const elapsedMin = (Date.now() - started) / 60_000;
  console.log(
    `\n  judgments acknowledged: ${acked.size} (${(acked.size / (elapsedMin * 60)).toFixed(1)}/s overall)`,
  );
  console.log(`  errors (4xx/5xx/network, retried answers included): ${errors}`);
  console.log(
    `  exports started ${exportsStarted}: ${exported.map((e) => `${e.status} ${e.n}`).join(", ") || "none"}`,
  );
  for (const [name, points] of Object.entries(rss)) {
    const t = rssTrend(points);
    const range = points.map((p) => p.mb);
    console.log(
      `  RSS ${name.padEnd(6)}: ${Math.min(...range).toFixed(0)}-${Math.max(...range).toFixed(0)} MB; after warm-up the floor moved ${t.floorRiseMb >= 0 ? "+" : ""}${t.floorRiseMb.toFixed(0)} MB (slope ${t.slopeMbPerMin.toFixed(1)} MB/min) -> ${t.verdict}`,
    );
    if (t.verdict === "growing") exitCode = 1;
  }
  const consistent =
    counts.total === acked.size && counts.acknowledged === acked.size && counts.keys === counts.total;
  console.log(
    `  consistency: database has ${counts.total} judgments, ${counts.acknowledged} of them acknowledged, ${counts.keys} distinct keys -> ${consistent ? "OK" : "MISMATCH"}`,
  );
  if (!consistent) exitCode = 1;
} finally {
  clearInterval(reporter);
  await http.close();
  const [apiExit, workerExit] = await Promise.all([api.kill("SIGTERM"), worker.kill("SIGTERM")]);
  if (apiExit !== 0 || workerExit !== 0) {
    console.log(`  exit codes on SIGTERM: api ${apiExit}, worker ${workerExit}`);
    exitCode = 1;
  }
  await db.drop();
  await clearRedisPrefix(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", prefix);
  rmSync(exportDir, { recursive: true, force: true });
}
process.exit(exitCode);
