// npm run bench:arena [-- --battles 200 --paced 20 --tokens 64 --token-ms 25 --latency-ms 200]
// Live arena streaming, end to end: the model server stand-in (its own process, a fixed delay
// before the first token and between tokens), the API and an arena worker (their own processes),
// one test database and Redis prefix. Each battle is timed as an annotator's browser sees it:
// from sending POST /battles to the tokens arriving through an EventSource (the `eventsource`
// package, a WHATWG EventSource for Node) on GET /battles/:id/events. The baseline is the same
// requests streamed straight from the model server with the `openai` SDK, in the same run.
//   paced:      `--paced` battles one at a time, each beside its two direct streams (same prompt,
//               same models), alternating which goes first; medians of first-token delay and
//               tokens/s, and a Redis round trip (PING) measured alongside.
//   concurrent: `--battles` battles started at once (400 streams), after the same 400 direct
//               streams at once; every streamed answer must equal the model server's, token for
//               token, with no event id seen twice.
import { randomBytes, randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { clearRedisPrefix, createTestDatabase, freePort, percentile, waitForHttp } from "@arbiter/testkit";
import { EventSource } from "eventsource";
import { Redis } from "ioredis";
import OpenAI from "openai";
import { spawnApp, startApi } from "../test/support/processes";
import { seedAnnotators, seedProject } from "./seed";

const { values } = parseArgs({
  options: {
    battles: { type: "string", default: "200" },
    paced: { type: "string", default: "20" },
    tokens: { type: "string", default: "64" },
    "token-ms": { type: "string", default: "25" },
    "latency-ms": { type: "string", default: "200" },
  },
});
const BATTLES = Number(values.battles);
const PACED = Number(values.paced);
const TOKENS = Number(values.tokens);
const TOKEN_MS = Number(values["token-ms"]);
const LATENCY_MS = Number(values["latency-ms"]);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const MODELS = ["bench-a", "bench-b"] as const;
// ignore_eos: every answer is exactly TOKENS pieces, so tokens/s compares like with like.
const PARAMS = { max_tokens: TOKENS, temperature: 0.8, seed: 11, ignore_eos: true };

/** One stream as its reader saw it: times in ms from the request, the text, the pieces. */
type Stream = { firstMs: number; lastMs: number; pieces: number; text: string };
const tokensPerSecond = (s: Stream) => ((s.pieces - 1) * 1000) / Math.max(1, s.lastMs - s.firstMs);
const pct = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p,
  );
const median = (xs: number[]) => pct(xs, 50);

const db = await createTestDatabase();
const prefix = `bench-arena-${randomUUID().slice(0, 8)}`;
const modelPort = await freePort();
const modelUrl = `http://127.0.0.1:${modelPort}/v1`;
const common = {
  DATABASE_URL: db.url,
  REDIS_URL,
  REDIS_PREFIX: prefix,
  ARBITER_SECRET: randomBytes(24).toString("hex"),
  GENERATOR_ALLOWED_HOSTS: `127.0.0.1:${modelPort}`,
  LOG_LEVEL: "warn",
};
const model = spawnApp("model-server", "src/server.ts", {
  MODEL_SERVER_PORT: String(modelPort),
  MODEL_SERVER_MODELS: MODELS.join(","),
  MODEL_SERVER_FAULT_LATENCY_MS: String(LATENCY_MS),
  MODEL_SERVER_FAULT_TOKEN_LATENCY_MS: String(TOKEN_MS),
  LOG_LEVEL: "warn",
});
const workerHealth = await freePort();
const worker = spawnApp("worker", "src/index.ts", {
  ...common,
  NODE_ENV: "test",
  WORKER_QUEUES: "arena",
  WORKER_HEALTH_HOST: "127.0.0.1",
  WORKER_HEALTH_PORT: String(workerHealth),
  // Every battle of the concurrent phase streams at once.
  ARENA_CONCURRENCY: String(Math.max(64, BATTLES)),
});
const api = await startApi({ ...common, FASTIFY_AUTOLOAD_TYPESCRIPT: "1" });
const redis = new Redis(REDIS_URL);
process.on("exit", () => {
  for (const p of [model, worker, api]) p.child.kill("SIGTERM");
});

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

const openai = new OpenAI({ baseURL: modelUrl, apiKey: "none", maxRetries: 0, timeout: 120_000 });

/** The baseline: one request streamed from the model server with the SDK. */
async function direct(modelName: string, prompt: string): Promise<Stream> {
  const started = performance.now();
  const stream = await openai.chat.completions.create({
    ...PARAMS,
    model: modelName,
    messages: [{ role: "user", content: prompt }],
    stream: true,
  } as OpenAI.ChatCompletionCreateParamsStreaming);
  const s: Stream = { firstMs: 0, lastMs: 0, pieces: 0, text: "" };
  for await (const chunk of stream) {
    const piece = chunk.choices[0]?.delta?.content;
    if (!piece) continue;
    const at = performance.now() - started;
    if (s.pieces === 0) s.firstMs = at;
    s.lastMs = at;
    s.pieces++;
    s.text += piece;
  }
  return s;
}

type Battle = { sides: Record<"A" | "B", Stream>; postMs: number; duplicateIds: number };

/** One battle as a browser plays it: POST, then an EventSource until both sides are done. */
async function arena(token: string, projectId: string, prompt: string): Promise<Battle> {
  const started = performance.now();
  const { battle } = (await call(token, "POST", `/projects/${projectId}/battles`, { prompt })) as {
    battle: { id: string };
  };
  const postMs = performance.now() - started;
  const sides = {
    A: { firstMs: 0, lastMs: 0, pieces: 0, text: "" },
    B: { firstMs: 0, lastMs: 0, pieces: 0, text: "" },
  };
  const seen = new Set<string>();
  let duplicateIds = 0;
  await new Promise<void>((resolve, reject) => {
    const es = new EventSource(`${api.url}/api/v1/battles/${battle.id}/events`, {
      fetch: (url, init) =>
        fetch(url, { ...init, headers: { ...(init?.headers as object), authorization: `Bearer ${token}` } }),
    });
    const timer = setTimeout(() => fail(new Error(`battle ${battle.id}: no end within 10 minutes`)), 600_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      es.close();
      reject(err);
    };
    es.addEventListener("token", (e) => {
      const at = performance.now() - started;
      if (seen.has(e.lastEventId)) duplicateIds++;
      seen.add(e.lastEventId);
      const { side, text } = JSON.parse(e.data) as { side: "A" | "B"; text: string };
      const s = sides[side];
      if (s.pieces === 0) s.firstMs = at;
      s.lastMs = at;
      s.pieces++;
      s.text += text;
    });
    es.addEventListener("ready", () => {
      clearTimeout(timer);
      es.close();
      resolve();
    });
    // A side's error event carries data; a connection error has none and reconnects by itself.
    es.addEventListener("error", (e) => {
      const data = (e as MessageEvent).data;
      if (typeof data === "string" && data) fail(new Error(`battle ${battle.id}: ${data}`));
    });
  });
  return { sides, postMs, duplicateIds };
}

/** The battle's two streams are the two models' answers, whichever side each was drawn to. */
function sameAnswers(b: Battle, byModel: Stream[]): boolean {
  const [x, y] = byModel as [Stream, Stream];
  const match = (s: Stream, d: Stream) => s.text === d.text && s.pieces === d.pieces;
  return (match(b.sides.A, x) && match(b.sides.B, y)) || (match(b.sides.A, y) && match(b.sides.B, x));
}

async function redisRoundTrip(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await redis.ping();
    times.push(performance.now() - t);
  }
  return median(times);
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
let failed = false;
try {
  await waitForHttp(`${modelUrl}/models`, { process: model, timeoutMs: 60_000 });
  await waitForHttp(`http://127.0.0.1:${workerHealth}/healthz`, { process: worker, timeoutMs: 60_000 });
  const { projectId, ownerKey } = await seedProject(db.pool, "arena-bench", { strength: false });
  const tokens = await seedAnnotators(db.pool, projectId, PACED + BATTLES + 1);
  await call(ownerKey, "PATCH", `/projects/${projectId}`, {
    mode: "arena",
    arena: {
      limits: { maxTokensPerTurn: TOKENS, battlesPerHour: 10_000, battlesPerDay: 100_000 },
      screening: { action: "keep" },
    },
  });
  for (const m of MODELS) {
    await call(ownerKey, "POST", `/projects/${projectId}/generators`, {
      name: m,
      baseUrl: modelUrl,
      model: m,
      params: PARAMS,
    });
  }
  console.log(
    `bench:arena: ${TOKENS} tokens per answer, ${TOKEN_MS} ms apart, first after ${LATENCY_MS} ms; ` +
      `${PACED} paced battles, then ${BATTLES} at once; load ${loadavg()
        .map((l) => fmt(l))
        .join(" ")}`,
  );
  // Warm-up: JIT, connections, the worker's first job.
  await arena(tokens.pop()!, projectId, "Warm-up: why is the sky blue?");
  await Promise.all(MODELS.map((m) => direct(m, "Warm-up: why is the sky blue?")));

  // Every annotator opens the arena page before starting a battle (GET /me/projects), as in
  // the browser; that first use of a credential is also when the API records it.
  for (let i = 0; i < tokens.length; i += 20) {
    await Promise.all(tokens.slice(i, i + 20).map((t) => call(t, "GET", "/me/projects")));
  }

  // Paced: one battle at a time, beside the same two requests made directly.
  const paced = { direct: [] as Stream[], arena: [] as Stream[], post: [] as number[], rtt: [] as number[] };
  let pacedWrong = 0;
  for (let i = 0; i < PACED; i++) {
    const prompt = `Paced question ${i}: why do tides rise and fall?`;
    const viaDirect = () => Promise.all(MODELS.map((m) => direct(m, prompt)));
    const viaArena = () => arena(tokens[i]!, projectId, prompt);
    let d: Stream[];
    let b: Battle;
    if (i % 2 === 0) {
      d = await viaDirect();
      b = await viaArena();
    } else {
      b = await viaArena();
      d = await viaDirect();
    }
    paced.direct.push(...d);
    paced.arena.push(b.sides.A, b.sides.B);
    paced.post.push(b.postMs);
    paced.rtt.push(await redisRoundTrip());
    if (!sameAnswers(b, d) || b.duplicateIds > 0) pacedWrong++;
  }
  const rtt = median(paced.rtt);
  const ttft = {
    direct: median(paced.direct.map((s) => s.firstMs)),
    arena: median(paced.arena.map((s) => s.firstMs)),
  };
  const tps = {
    direct: median(paced.direct.map(tokensPerSecond)),
    arena: median(paced.arena.map(tokensPerSecond)),
  };
  console.log("\npaced (medians over", paced.arena.length, "streams each)");
  console.log(
    `  first token: direct ${fmt(ttft.direct)} ms, arena ${fmt(ttft.arena)} ms (POST /battles ${fmt(median(paced.post))} ms of it); Redis PING ${fmt(rtt, 2)} ms`,
  );
  console.log(
    `  first token ratio: arena ÷ (direct + one Redis round trip) = ${fmt(ttft.arena / (ttft.direct + rtt), 3)}  [goal ≤ 1.2 × direct + RTT: ${ttft.arena <= 1.2 * ttft.direct + rtt ? "met" : "not met"}]`,
  );
  console.log(
    `  tokens/s: direct ${fmt(tps.direct)}, arena ${fmt(tps.arena)}; ratio ${fmt(tps.arena / tps.direct, 3)}  [goal ≥ 0.9]`,
  );
  console.log(`  answers equal to the model server's: ${PACED - pacedWrong} of ${PACED} battles`);
  if (pacedWrong > 0) failed = true;

  // Concurrent: the same shape, all at once.
  const prompts = Array.from(
    { length: BATTLES },
    (_, i) => `Concurrent question ${i}: how do bees find flowers?`,
  );
  const directStarted = performance.now();
  const allDirect = await Promise.all(prompts.map((p) => Promise.all(MODELS.map((m) => direct(m, p)))));
  const directSeconds = (performance.now() - directStarted) / 1000;
  const arenaStarted = performance.now();
  const settled = await Promise.allSettled(prompts.map((p, i) => arena(tokens[PACED + i]!, projectId, p)));
  const arenaSeconds = (performance.now() - arenaStarted) / 1000;
  const battles = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const errors = settled.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
  let wrong = 0;
  let duplicates = 0;
  for (const [i, r] of settled.entries()) {
    if (r.status !== "fulfilled") continue;
    duplicates += r.value.duplicateIds;
    if (!sameAnswers(r.value, allDirect[i]!)) wrong++;
  }
  const cd = allDirect.flat();
  const ca = battles.flatMap((b) => [b.sides.A, b.sides.B]);
  console.log(`\n${BATTLES} battles at once (${BATTLES * 2} streams; medians, p95 in brackets)`);
  const line = (name: string, xs: Stream[], seconds: number) =>
    console.log(
      `  ${name}: first token ${fmt(median(xs.map((s) => s.firstMs)))} ms (${fmt(
        pct(
          xs.map((s) => s.firstMs),
          95,
        ),
      )}), ` +
        `${fmt(median(xs.map(tokensPerSecond)))} tokens/s per stream, all done in ${fmt(seconds, 2)} s`,
    );
  line("direct", cd, directSeconds);
  line("arena ", ca, arenaSeconds);
  const posts = battles.map((b) => b.postMs);
  console.log(
    `  arena POST /battles ${fmt(median(posts))} ms (${fmt(pct(posts, 95))}) of the first-token delay`,
  );
  console.log(
    `  tokens/s ratio ${fmt(median(ca.map(tokensPerSecond)) / median(cd.map(tokensPerSecond)), 3)}`,
  );
  console.log(
    `  battles finished ${battles.length} of ${BATTLES}; streams differing from the model server's answer ${wrong} battles; ` +
      `event ids seen twice ${duplicates}${errors.length ? `; first error: ${errors[0]}` : ""}`,
  );
  console.log(
    `  load ${loadavg()
      .map((l) => fmt(l))
      .join(" ")}`,
  );
  if (wrong > 0 || duplicates > 0 || errors.length > 0) failed = true;
} catch (err) {
  failed = true;
  console.error(err);
  for (const p of [api, worker, model]) console.error(`--- ${p.name} ---\n${p.output().slice(-3000)}`);
} finally {
  redis.disconnect();
  await Promise.all([api, worker, model].map((p) => p.stop()));
  await clearRedisPrefix(REDIS_URL, prefix);
  await db.drop();
}
process.exit(failed ? 1 : 0);
