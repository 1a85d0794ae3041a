import { randomUUID } from "node:crypto";
import {
  createGenerationQueue,
  createProducerConnection,
  createWorkerConnection,
  enqueuePlanRun,
  type GenerationQueue,
  QUEUES,
  requestGeneratorTest,
  type TResolver,
  type TRetryPolicy,
  type TTestGeneratorResult,
} from "@arbiter/jobs";
import { startModelServer, type TModelServerOptions, type TRunningModelServer } from "@arbiter/model-server";
import { clearRedisPrefix, createTestDatabase, sleep, type TestDatabase } from "@arbiter/testkit";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import pino, { type Logger } from "pino";
import { parseWorkerEnv, type TWorkerEnv } from "../../src/env";
import { generationProcessor } from "../../src/processors/generation";
import { type RunningWorkers, startWorkers } from "../../src/start-workers";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

// Fast retries and short timeouts, so faults cost milliseconds in tests.
export const TEST_RETRY: TRetryPolicy = { attempts: 15, baseDelayMs: 20, maxDelayMs: 300 };
export const TEST_ENV = {
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  GENERATION_CONCURRENCY: "16",
  GENERATION_REQUEST_TIMEOUT_MS: "1000",
  GENERATION_ATTEMPTS: String(TEST_RETRY.attempts),
  GENERATION_BACKOFF_MS: String(TEST_RETRY.baseDelayMs),
  GENERATION_BACKOFF_MAX_MS: String(TEST_RETRY.maxDelayMs),
  JOB_LOCK_MS: "2000",
  JOB_STALLED_CHECK_MS: "500",
  GENERATION_RECOVERY_INTERVAL_MS: "300",
  // Runs here are small; a few samples per job makes every test exercise batches.
  GENERATION_BATCH_SIZE: "4",
};

/** A test file's own database, Redis prefix and producer queue, plus seed helpers. */
export type GenerationFixture = {
  db: TestDatabase;
  prefix: string;
  queue: GenerationQueue;
  env: (overrides?: Record<string, string>) => Record<string, string>;
  /**
   * Lets this file's workers reach these base URLs' hosts (GENERATOR_ALLOWED_HOSTS): model
   * servers here listen on loopback, which generators may not reach otherwise.
   */
  allowHosts: (...baseUrls: string[]) => void;
  /** The stand-in model server in this process, its host allowed; closed with the fixture. */
  startModelServer: (options: Omit<TModelServerOptions, "logLevel">) => Promise<TRunningModelServer>;
  /** A connection test of the generator by this fixture's workers, asked for as the API asks. */
  testGenerator: (generatorId: string, timeoutMs?: number) => Promise<TTestGeneratorResult | null>;
  /** Starts an in-process generation worker against this fixture. */
  startWorker: (
    overrides?: Record<string, string>,
    deps?: { logger?: Logger; resolve?: TResolver },
  ) => RunningWorkers & { redis: Redis };
  seedProject: (prompts: number) => Promise<{ projectId: string; userId: string; promptIds: string[] }>;
  addGenerator: (
    projectId: string,
    values: { baseUrl: string; model: string; params?: object; concurrency?: number; rpm?: number },
  ) => Promise<string>;
  startRun: (
    projectId: string,
    userId: string,
    generatorIds: string[],
    samplesPerPrompt: number,
  ) => Promise<string>;
  waitForRun: (
    runId: string,
    timeoutMs?: number,
  ) => Promise<{ status: string; done: number; failed: number }>;
  close: () => Promise<void>;
};

/** `redisUrl`: a test that stops its Redis passes its own server's URL. */
export async function createGenerationFixture(redisUrl = REDIS_URL): Promise<GenerationFixture> {
  const db = await createTestDatabase();
  const prefix = `test-gen-${randomUUID().slice(0, 8)}`;
  const producer = createProducerConnection(redisUrl);
  const queue = createGenerationQueue(producer, { prefix, retry: TEST_RETRY });
  const allowed = new Set<string>();
  const env = (overrides: Record<string, string> = {}) => ({
    ...TEST_ENV,
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    WORKER_HEALTH_PORT: "0",
    ...(allowed.size ? { GENERATOR_ALLOWED_HOSTS: [...allowed].join(",") } : {}),
    ...overrides,
  });
  const allowHosts = (...baseUrls: string[]) => {
    for (const url of baseUrls) allowed.add(new URL(url).host);
  };

  const servers: TRunningModelServer[] = [];
  async function startServer(options: Omit<TModelServerOptions, "logLevel">) {
    const server = await startModelServer({ logLevel: "silent", ...options });
    servers.push(server);
    allowHosts(server.url);
    return server;
  }

  let events: QueueEvents | undefined;
  async function testGenerator(generatorId: string, timeoutMs = 20_000) {
    if (!events) {
      events = new QueueEvents(QUEUES.generation, { connection: createWorkerConnection(redisUrl), prefix });
      await events.waitUntilReady();
    }
    return requestGeneratorTest(queue, events, generatorId, timeoutMs);
  }

  function startWorker(
    overrides: Record<string, string> = {},
    deps: { logger?: Logger; resolve?: TResolver } = {},
  ) {
    const parsed: TWorkerEnv = parseWorkerEnv(env(overrides));
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const logger = deps.logger ?? pino({ level: "silent" });
    const running = startWorkers(
      { env: parsed, db, redis, prefix, logger, ...(deps.resolve ? { resolve: deps.resolve } : {}) },
      [generationProcessor],
    );
    return {
      ...running,
      redis,
      close: async () => {
        await running.close();
        await redis.quit();
      },
    };
  }

  async function seedProject(prompts: number) {
    const user = await db.prisma.user.create({
      data: { email: `r-${randomUUID()}@example.com`, name: "Researcher", role: "RESEARCHER" },
    });
    const project = await db.prisma.project.create({
      data: { slug: `p-${randomUUID()}`, name: "Generation", questions: {}, createdById: user.id },
    });
    const promptIds: string[] = [];
    for (let i = 0; i < prompts; i++) {
      const p = await db.prisma.prompt.create({
        data: {
          projectId: project.id,
          messages: [{ role: "user", content: `Question number ${i}: why is the sky blue?` }],
          contentHash: `hash-${i}`,
        },
      });
      promptIds.push(p.id);
    }
    return { projectId: project.id, userId: user.id, promptIds };
  }

  async function addGenerator(
    projectId: string,
    v: { baseUrl: string; model: string; params?: object; concurrency?: number; rpm?: number },
  ) {
    const g = await db.prisma.generator.create({
      data: {
        projectId,
        name: v.model,
        baseUrl: v.baseUrl,
        model: v.model,
        params: (v.params ?? { max_tokens: 24, temperature: 0.8 }) as object,
        concurrency: v.concurrency ?? 8,
        requestsPerMinute: v.rpm ?? null,
      },
    });
    return g.id;
  }

  async function startRun(
    projectId: string,
    userId: string,
    generatorIds: string[],
    samplesPerPrompt: number,
  ) {
    const run = await db.prisma.generationRun.create({
      data: { projectId, generatorIds, samplesPerPrompt, createdById: userId },
    });
    await enqueuePlanRun(queue, run.id);
    return run.id;
  }

  async function waitForRun(runId: string, timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await db.prisma.generationRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.status === "SUCCEEDED" || run.status === "FAILED" || run.status === "CANCELLED") return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    db,
    prefix,
    queue,
    env,
    allowHosts,
    startModelServer: startServer,
    testGenerator,
    startWorker,
    seedProject,
    addGenerator,
    startRun,
    waitForRun,
    close: async () => {
      await events?.close();
      // After timeout and drop faults the stand-in's close() has been seen to wait about a
      // minute for sockets the client already abandoned; the tests do not wait for that.
      await Promise.race([Promise.all(servers.map((s) => s.close())), sleep(3_000)]);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      producer.disconnect();
      await clearRedisPrefix(redisUrl, prefix);
      await db.drop();
    },
  };
}

/** Completions per (prompt, generator, sample index) that occur more than once: must be none. */
export async function duplicateCompletions(db: TestDatabase): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM completions GROUP BY prompt_id, generator_id, sample_index HAVING count(*) > 1) d`,
  );
  return rows[0].n;
}
