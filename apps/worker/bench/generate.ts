// bench:generate: completions/s of the generation worker (BullMQ + Postgres ledger + idempotent
// writes) against the model server with fixed latency, as a ratio of a plain `openai` SDK
// promise pool making the same requests in the same run. Machine noise cancels in the ratio.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@arbiter/db/testing";
import { createGenerationQueue, createProducerConnection, enqueuePlanRun } from "@arbiter/jobs";
import { Redis } from "ioredis";
import OpenAI from "openai";
import pino from "pino";
import { parseWorkerEnv } from "../src/env";
import { generationProcessor } from "../src/processors/generation";
import { startWorkers } from "../src/start-workers";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const MODELS = ["bench-a", "bench-b"];
const PARAMS = { max_tokens: 32, temperature: 0.8 };
const here = path.dirname(fileURLToPath(import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
// Its own process, as in production, so that the server's work is not on the measured loop.
const server = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
  cwd: path.resolve(here, "../../model-server"),
  env: {
    ...process.env,
    MODEL_SERVER_PORT: String(port),
    MODEL_SERVER_MODELS: MODELS.join(","),
    MODEL_SERVER_FAULT_LATENCY_MS: String(LATENCY_MS),
    LOG_LEVEL: "warn",
  },
  stdio: "inherit",
});
const baseURL = `http://127.0.0.1:${port}/v1`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${baseURL}/models`)).ok) break;
  } catch {
    if (i > 300) throw new Error("model server did not start");
  }
  await new Promise((r) => setTimeout(r, 100));
}

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

async function worker(): Promise<number> {
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
  });
  try {
    const user = await db.prisma.user.create({ data: { email: "bench@example.com", name: "Bench" } });
    const project = await db.prisma.project.create({
      data: { slug: "bench", name: "Bench", questions: {}, createdById: user.id },
    });
    await db.prisma.prompt.createMany({
      data: prompts.map((text, i) => ({ projectId: project.id, text, contentHash: `bench-${i}` })),
    });
    const generatorIds: string[] = [];
    for (const model of MODELS) {
      const g = await db.prisma.generator.create({
        data: {
          projectId: project.id,
          name: model,
          baseUrl: baseURL,
          model,
          params: PARAMS,
          concurrency: CONCURRENCY,
        },
      });
      generatorIds.push(g.id);
    }
    const running = startWorkers({ env, db, redis, prefix, logger: pino({ level: "silent" }) }, [
      generationProcessor,
    ]);
    const run = await db.prisma.generationRun.create({
      data: { projectId: project.id, generatorIds, samplesPerPrompt: 1, createdById: user.id },
    });
    const started = performance.now();
    await enqueuePlanRun(queue, run.id);
    for (;;) {
      const r = await db.prisma.generationRun.findUniqueOrThrow({ where: { id: run.id } });
      if (r.status === "SUCCEEDED" || r.status === "FAILED") {
        if (r.done !== SAMPLES) throw new Error(`run ended with ${r.done}/${SAMPLES} done`);
        break;
      }
      await new Promise((res) => setTimeout(res, 20));
    }
    const rate = SAMPLES / ((performance.now() - started) / 1_000);
    await running.close();
    return rate;
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    producer.disconnect();
    redis.disconnect();
    await db.drop();
  }
}

try {
  // Warm-up of both paths (JIT, keep-alive connections, template database) before measuring.
  await baseline();
  const plain = await baseline();
  const measured = await worker();
  console.log(
    JSON.stringify(
      {
        samples: SAMPLES,
        concurrency: CONCURRENCY,
        latencyMs: LATENCY_MS,
        baselineCompletionsPerSecond: Math.round(plain),
        workerCompletionsPerSecond: Math.round(measured),
        ratio: Number((measured / plain).toFixed(3)),
        target: 0.85,
      },
      null,
      2,
    ),
  );
} finally {
  server.kill("SIGTERM");
}
// Keep-alive sockets of the SDK clients would hold the process open a while longer.
process.exit(0);
