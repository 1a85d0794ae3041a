// npm run bench:annotate [-- --annotators 200 --seconds 20 --think-ms 0 --loop page --paced-think-ms 1500
//   --selection uniform]
// N simulated annotators loop get-assignment -> judgment against the API for a fixed
// time; the same client then drives a bare Fastify + one-INSERT route (the baseline)
// in the same run, and the ratio of the two is printed. Machine noise cancels out.
// A last phase runs the same annotators at a reading pace (--paced-think-ms per item on
// average; 0 skips it): the latency people see. A closed loop measures capacity, and its
// latency is queueing (N clients / throughput), for the baseline's INSERT as well.
// --loop page (default) does what the labeling page does: the next assignment comes with
// the judgment's answer (`next`), and POST /assignments is called only when there is
// none. --loop get-judge calls POST /assignments before every judgment.
// --selection label-confidence or leaderboard turns adaptive collection on (dynamic overlap
// 3..9 to 0.95, that lease priority) and runs a worker beside the API, so answers ask for
// refits, the worker fits and rewrites priorities while the annotators lease.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  createTestDatabase,
  freePort,
  localBin,
  spawnProcess,
  type TestDatabase,
  type TProcess,
  waitForHttp,
} from "@arbiter/testkit";
import { spawnApp } from "../test/support/processes";
import { cpuPerRequest, snapshotCpu } from "./cpu";
import { call, httpPool, type Sample, summary, timed } from "./load";
import { patchProject, seedBench } from "./seed";

const { values } = parseArgs({
  options: {
    annotators: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    // Reading time between items; 0 makes every simulated annotator a closed loop.
    "think-ms": { type: "string", default: "0" },
    loop: { type: "string", default: "page" },
    "paced-think-ms": { type: "string", default: "1500" },
    selection: { type: "string", default: "uniform" },
  },
});
const ANNOTATORS = Number(values.annotators);
const SECONDS = Number(values.seconds);
const THINK_MS = Number(values["think-ms"]);
const PACED_THINK_MS = Number(values["paced-think-ms"]);
const LOOP = values.loop;
if (LOOP !== "page" && LOOP !== "get-judge") throw new Error("--loop must be page or get-judge");
const SELECTION = values.selection!;
if (!["uniform", "label-confidence", "leaderboard"].includes(SELECTION))
  throw new Error("--selection must be uniform, label-confidence or leaderboard");
const ADAPTIVE = SELECTION !== "uniform";
// The API and the worker share one queue namespace of this run.
const SHARED_ENV = {
  REDIS_PREFIX: `bench-annotate-${randomBytes(4).toString("hex")}`,
  ARBITER_SECRET: randomBytes(32).toString("hex"),
};
const pause = (ms: number) =>
  ms > 0 ? new Promise((r) => setTimeout(r, ms * (0.5 + Math.random()))) : undefined;
const think = () => pause(THINK_MS);

function start(script: string, env: Record<string, string>): TProcess {
  // tsx hands Node flags to the process it runs (`--import tsx` would hide the TypeScript
  // loader from @fastify/autoload, which then refuses .ts routes).
  const args = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, script]
    : [script];
  return spawnProcess(localBin("tsx"), args, {
    name: script,
    cwd: path.resolve(import.meta.dirname, ".."),
    env,
    echo: true,
    keepChars: 100_000,
  });
}

type TSeeded = { projectId: string; ownerKey: string; tokens: string[] };

async function runArbiter(db: TestDatabase, { projectId, ownerKey, tokens }: TSeeded, thinkMs: number) {
  const read = () => pause(thinkMs);
  const databaseUrl = db.url;
  const port = await freePort();
  const api = start("src/server.ts", {
    DATABASE_URL: databaseUrl,
    API_PORT: String(port),
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "20",
    ...SHARED_ENV,
  });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, { process: api, accept: (s) => s === 200 });
  if (ADAPTIVE)
    await patchProject(`http://127.0.0.1:${port}`, ownerKey, projectId, {
      overlap: { min: 3, max: 9, target: 0.95 },
      selection: SELECTION,
    });
  const http = httpPool(`http://127.0.0.1:${port}`, ANNOTATORS);
  const cpuBefore = await snapshotCpu(api.pid, db.pool, db.name);
  const get: Sample = { ms: [], errors: 0 };
  const post: Sample = { ms: [], errors: 0 };
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    tokens.map(async (token) => {
      const headers = { authorization: `Bearer ${token}` };
      // With reading time, annotators arrive spread out, as people do, not all at once.
      await read();
      let next: { id: string } | null = null;
      while (Date.now() < deadline) {
        if (!next || LOOP === "get-judge") {
          const got = await timed(get, () =>
            call(http, "POST", `/api/v1/projects/${projectId}/assignments`, headers),
          );
          if (got.status !== 201) return;
          next = got.body.assignment;
        }
        const id = next!.id;
        await read();
        const body = { choice: Math.random() < 0.5 ? "A" : "B", durationMs: 3000 };
        const judged = await timed(post, () =>
          call(
            http,
            "POST",
            `/api/v1/assignments/${id}/judgment`,
            { ...headers, "idempotency-key": randomUUID() },
            body,
          ),
        );
        next = judged.status === 201 ? judged.body.next : null;
      }
    }),
  );
  const cpu = cpuPerRequest(cpuBefore, await snapshotCpu(api.pid, db.pool, db.name), post.ms.length);
  await http.close();
  await api.kill("SIGTERM");
  return { get: summary(get, SECONDS), judgment: summary(post, SECONDS), cpu };
}

async function runBaseline(db: TestDatabase) {
  const databaseUrl = db.url;
  const port = await freePort();
  const server = start("bench/baseline-server.ts", { DATABASE_URL: databaseUrl, PORT: String(port) });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, { process: server, accept: (s) => s === 200 });
  const http = httpPool(`http://127.0.0.1:${port}`, ANNOTATORS);
  const cpuBefore = await snapshotCpu(server.pid, db.pool, db.name);
  const sample: Sample = { ms: [], errors: 0 };
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: ANNOTATORS }, async () => {
      while (Date.now() < deadline) {
        await think();
        await timed(sample, () => call(http, "POST", "/insert", {}, { choice: "A", durationMs: 3000 }));
      }
    }),
  );
  const cpu = cpuPerRequest(cpuBefore, await snapshotCpu(server.pid, db.pool, db.name), sample.ms.length);
  await http.close();
  await server.kill("SIGTERM");
  return { ...summary(sample, SECONDS), cpu };
}

const db = await createTestDatabase();
let worker: TProcess | null = null;
try {
  const seeded = await seedBench(db.pool, ANNOTATORS, Math.max(20_000, ANNOTATORS * 100));
  worker = ADAPTIVE
    ? spawnApp("worker", "src/index.ts", {
        DATABASE_URL: db.url,
        LOG_LEVEL: "warn",
        WORKER_HEALTH_PORT: "0",
        ...SHARED_ENV,
      })
    : null;
  const ours = await runArbiter(db, seeded, THINK_MS);
  const baseline = await runBaseline(db);
  const paced = PACED_THINK_MS > 0 ? await runArbiter(db, seeded, PACED_THINK_MS) : null;
  const fmt = (n: number) => n.toFixed(1);
  const fmt2 = (n: number) => n.toFixed(2);
  console.log(
    `\nbench:annotate — ${ANNOTATORS} annotators, ${SECONDS} s each phase, think time ${THINK_MS} ms, loop ${LOOP}, selection ${SELECTION}${ADAPTIVE ? " (dynamic overlap 3..9 to 0.95, a worker refitting)" : ""}`,
  );
  console.log(
    `  get assignment : ${fmt(ours.get.perSecond)}/s  p50 ${fmt(ours.get.p50)} ms  p99 ${fmt(ours.get.p99)} ms  errors ${ours.get.errors}`,
  );
  console.log(
    `  judgment       : ${fmt(ours.judgment.perSecond)}/s  p50 ${fmt(ours.judgment.p50)} ms  p99 ${fmt(ours.judgment.p99)} ms  errors ${ours.judgment.errors}`,
  );
  console.log(
    `  baseline INSERT: ${fmt(baseline.perSecond)}/s  p50 ${fmt(baseline.p50)} ms  p99 ${fmt(baseline.p99)} ms  errors ${baseline.errors}`,
  );
  const judgmentRatio = ours.judgment.perSecond / baseline.perSecond;
  const callRatio = (ours.judgment.perSecond + ours.get.perSecond) / baseline.perSecond;
  console.log(`  ratio judgments/s ÷ baseline requests/s : ${judgmentRatio.toFixed(2)} (target >= 0.5)`);
  console.log(`  ratio API calls/s ÷ baseline requests/s : ${callRatio.toFixed(2)}`);
  if (paced) {
    console.log(`  at reading pace (${PACED_THINK_MS} ms per item on average, same annotators):`);
    console.log(
      `    get assignment : ${fmt(paced.get.perSecond)}/s  p50 ${fmt(paced.get.p50)} ms  p99 ${fmt(paced.get.p99)} ms  errors ${paced.get.errors}`,
    );
    console.log(
      `    judgment       : ${fmt(paced.judgment.perSecond)}/s  p50 ${fmt(paced.judgment.p50)} ms  p99 ${fmt(paced.judgment.p99)} ms  errors ${paced.judgment.errors}  (target p99 < 50 ms)`,
    );
  }
  if (ADAPTIVE) {
    const fit = await db.pool.query<{ judgments: number; items: number }>(
      "SELECT judgments, items FROM project_fits WHERE project_id = $1",
      [seeded.projectId],
    );
    const f = fit.rows[0];
    console.log(
      `  worker's last refit: ${f ? `${f.judgments} judgments over ${f.items} items` : "none (the worker never fitted)"}`,
    );
  }
  const cpuLine = (c: typeof ours.cpu) =>
    `${fmt2(c.total)} ms (server ${fmt2(c.server)}, Postgres backends ${fmt2(c.postgres)}, load generator ${fmt2(c.client)})`;
  console.log(`  CPU per judgment (with its share of gets): ${cpuLine(ours.cpu)}`);
  console.log(`  CPU per baseline INSERT                  : ${cpuLine(baseline.cpu)}`);
  console.log(
    `  CPU ratio baseline ÷ judgment: ${(baseline.cpu.total / ours.cpu.total).toFixed(2)} (judgments/s per baseline request/s on an otherwise idle machine)`,
  );
} finally {
  await worker?.kill("SIGTERM");
  await db.drop();
}
