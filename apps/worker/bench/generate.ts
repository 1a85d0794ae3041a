// bench:generate: completions/s of the generation worker (BullMQ + Postgres ledger + idempotent
// writes) against the model server with fixed latency, as a ratio of a plain `openai` SDK
// promise pool making the same requests in the same round. Machine noise cancels in the ratio
// as far as it is steady; the median of several rounds smooths the rest.
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGenerationQueue, createProducerConnection, enqueuePlanRun } from "@arbiter/jobs";
import { createTestDatabase, freePort, spawnNode, waitForHttp } from "@arbiter/testkit";
import { Redis } from "ioredis";
import OpenAI from "openai";
import pino from "pino";
import { parseWorkerEnv } from "../src/env";
import { RUN_FINISHED_CHANNEL } from "../src/features/generation/sample-store";
import { generationProcessor } from "../src/processors/generation";
import { startWorkers } from "../src/start-workers";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const MODELS = ["bench-a", "bench-b"];
const PARAMS = { max_tokens: 32, temperature: 0.8 };
const here = path.dirname(fileURLToPath(import.meta.url));

const port = await freePort();
// Its own process, as in production, so that the server's work is not on the measured loop.
const server = spawnNode("src/server.ts", {
  name: "model-server",
  cwd: path.resolve(here, "../../model-server"),
  echo: true,
  env: {
    MODEL_SERVER_PORT: String(port),
    MODEL_SERVER_MODELS: MODELS.join(","),
    MODEL_SERVER_FAULT_LATENCY_MS: String(LATENCY_MS),
    LOG_LEVEL: "warn",
  },
});
// However the bench ends (a thrown error included), the server must not outlive it: it would
// keep the machine busy and the caller's output pipe open.
process.on("exit", () => server.child.kill("SIGTERM"));
const baseURL = `http://127.0.0.1:${port}/v1`;
await waitForHttp(`${baseURL}/models`, { process: server, accept: (s) => s === 200, timeoutMs: 30_000 });

const prompts = Array.from(
  { length: SAMPLES / MODELS.length },
  (_, i) => `Bench question ${i}: why do tides rise?`,
);

async function baseline(): Promise<number> {
  const client = new OpenAI({ baseURL, apiKey: "none", maxRetries: 0, timeout: 60_000 });
  const work = prompts.flatMap((p) => MODELS.map((model) => ({ model, p })));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < work.length) {
        const { model, p } = work[next++]!;
        const res = await client.chat.completions.create({
          ...PARAMS,
          model,
          messages: [{ role: "user", content: p }],
        });
        if (!res.choices[0]?.message.content) throw new Error("empty completion");
      }
    }),
  );
  return work.length / ((performance.now() - started) / 1_000);
}

type TWorkerBench = { run: () => Promise<number>; close: () => Promise<void> };

/**
 * The worker in-process against its own database and Redis prefix. Each run uses two new
 * generators, so that its samples are new (a sample a generator already has is done
 * without a request).
 */
async function startWorkerBench(): Promise<TWorkerBench> {
  const db = await createTestDatabase();
  const prefix = `bench-gen-${randomUUID().slice(0, 8)}`;
  const producer = createProducerConnection(REDIS_URL);
  const queue = createGenerationQueue(producer, { prefix });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const env = parseWorkerEnv({
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    GENERATION_CONCURRENCY: String(CONCURRENCY),
    DB_POOL_SIZE: String(CONCURRENCY),
    LOG_LEVEL: "silent",
    // The stand-in listens on loopback, which generators reach only where allowed.
    GENERATOR_ALLOWED_HOSTS: `127.0.0.1:${port}`,
  });
  const user = await db.prisma.user.create({ data: { email: "bench@example.com", name: "Bench" } });
  const project = await db.prisma.project.create({
    data: { slug: "bench", name: "Bench", questions: {}, createdById: user.id },
  });
  await db.prisma.prompt.createMany({
    data: prompts.map((text, i) => ({ projectId: project.id, text, contentHash: `bench-${i}` })),
  });
  const running = startWorkers({ env, db, redis, prefix, logger: pino({ level: "silent" }) }, [
    generationProcessor,
  ]);
  // The run's end is heard, not polled for: a poll would run on the thread being measured
  // and see the end 10 ms late on average.
  const listener = await db.pool.connect();
  const finished = new Map<string, () => void>();
  listener.on("notification", (n) => finished.get(n.payload ?? "")?.());
  await listener.query(`LISTEN ${RUN_FINISHED_CHANNEL}`);
  let runs = 0;

  async function run(): Promise<number> {
    runs += 1;
    const generatorIds: string[] = [];
    for (const model of MODELS) {
      const g = await db.prisma.generator.create({
        data: {
          projectId: project.id,
          name: `${model} ${runs}`,
          baseUrl: baseURL,
          model,
          params: PARAMS,
          concurrency: CONCURRENCY,
        },
      });
      generatorIds.push(g.id);
    }
    const created = await db.prisma.generationRun.create({
      data: { projectId: project.id, generatorIds, samplesPerPrompt: 1, createdById: user.id },
    });
    const ended = new Promise<void>((resolve) => finished.set(created.id, resolve));
    const started = performance.now();
    await enqueuePlanRun(queue, created.id);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ended,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`run ${created.id} did not finish in 5 minutes`)), 300_000);
      }),
    ]);
    clearTimeout(timer);
    const elapsed = performance.now() - started;
    finished.delete(created.id);
    const { rows } = await db.pool.query("SELECT status, done FROM generation_runs WHERE id = $1", [
      created.id,
    ]);
    if (rows[0].done !== SAMPLES)
      throw new Error(`run ended ${rows[0].status} with ${rows[0].done}/${SAMPLES} done`);
    return SAMPLES / (elapsed / 1_000);
  }

  return {
    run,
    close: async () => {
      listener.release(true);
      await running.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      producer.disconnect();
      redis.disconnect();
      await db.drop();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench = await startWorkerBench();
try {
  // A warm-up round of both paths (JIT, keep-alive connections) before measuring. Then each
  // round measures the baseline and the worker back to back, so a round's ratio compares
  // the two under the same load; the median round is the result. Rounds alternate which
  // path goes first, so a machine that speeds up or slows down favours neither.
  await baseline();
  await bench.run();
  const rounds: { baseline: number; worker: number; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let plain: number;
    let measured: number;
    if (i % 2 === 0) {
      plain = await baseline();
      measured = await bench.run();
    } else {
      measured = await bench.run();
      plain = await baseline();
    }
    rounds.push({
      baseline: Math.round(plain),
      worker: Math.round(measured),
      ratio: Number((measured / plain).toFixed(3)),
    });
  }
  const ratios = rounds.map((r) => r.ratio);
  console.log(
    JSON.stringify(
      {
        samples: SAMPLES,
        concurrency: CONCURRENCY,
        latencyMs: LATENCY_MS,
        baselineCompletionsPerSecond: median(rounds.map((r) => r.baseline)),
        workerCompletionsPerSecond: median(rounds.map((r) => r.worker)),
        ratio: median(ratios),
        bestRatio: Math.max(...ratios),
        target: 0.85,
        rounds,
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
} finally {
  await bench.close();
  await server.stop();
}
// Keep-alive sockets of the SDK clients would hold the process open a while longer.
process.exit(0);
