import { randomUUID } from "node:crypto";
import { clearRedisPrefix, type TProcess } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  arenaProject,
  readEvents,
  startArenaWorker,
  startBattle,
  startModelServer,
  textsOf,
  turnEnded,
  vote,
} from "./support/arena";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-api-arena-${randomUUID().slice(0, 8)}`;

let h: Harness;
let baseUrl: string;
let researcher: TestUser;
let annotator: TestUser;
let models: Awaited<ReturnType<typeof startModelServer>>;
let worker: TProcess;

const MODELS = ["model-a", "model-b", "model-c"];

beforeAll(async () => {
  models = await startModelServer(MODELS.join(","), { MODEL_SERVER_FAULT_TOKEN_LATENCY_MS: "2" });
  h = await createHarness({
    REDIS_PREFIX: prefix,
    GENERATOR_ALLOWED_HOSTS: models.host,
    ARENA_SSE_BLOCK_MS: "300",
  });
  baseUrl = await h.app.listen({ host: "127.0.0.1", port: 0 });
  researcher = await h.user("RESEARCHER");
  annotator = await h.user("ANNOTATOR");
  worker = startArenaWorker(h, prefix, models.host);
}, 300_000);

afterAll(async () => {
  await worker?.stop();
  await models?.process.stop();
  await h?.close();
  await clearRedisPrefix(REDIS_URL, prefix);
});

function generators() {
  return MODELS.map((model) => ({ name: `gen-${model}`, baseUrl: models.url, model }));
}

/** What the model server answers, asked directly (not streamed) as the worker asked it. */
async function direct(model: string, messages: { role: string; content: string }[]) {
  const res = await fetch(`${models.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, messages, max_tokens: 40, temperature: 0.7, seed: 7 }),
  });
  return ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
}

async function battleRow(id: string) {
  return h.db.prisma.battle.findUniqueOrThrow({
    where: { id },
    include: {
      turns: {
        orderBy: { turn: "asc" },
        include: { sides: { orderBy: { side: "asc" }, include: { completion: true, generator: true } } },
      },
    },
  });
}

describe("arena battles", () => {
  // The first battle also waits for the worker process to start, hence its longer timeout.
  it("stream both sides over SSE; the text equals the model server's answer; names stay hidden", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators(), { revealModels: true });
    const started = await startBattle(h, annotator, projectId, "Why is the sea salty?");
    expect(started.statusCode, started.body).toBe(201);
    const battle = started.json().battle;
    expect(battle.status).toBe("streaming");
    expect(battle.models).toBeNull();
    expect(battle.eventsUrl).toBe(`/api/v1/battles/${battle.id}/events`);

    const events = await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(1) });
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual(["done", "ready", "token"]);
    expect(JSON.stringify(events)).not.toMatch(/model-[abc]|gen-/);
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);

    const row = await battleRow(battle.id);
    expect(row.status).toBe("READY");
    const [a, b] = row.turns[0]!.sides;
    expect(a!.generatorId).not.toBe(b!.generatorId);
    const streamed = textsOf(events, 1);
    expect(streamed.A).toBe(a!.completion.text);
    expect(streamed.B).toBe(b!.completion.text);
    const messages = [{ role: "user", content: "Why is the sea salty?" }];
    expect(streamed.A).toBe(await direct(a!.generator.model, messages));
    expect(streamed.B).toBe(await direct(b!.generator.model, messages));
    for (const side of [a!, b!]) {
      expect(side.completion.finishReason).toMatch(/stop|length/);
      expect(side.completion.completionTokens).toBeGreaterThan(0);
      expect(side.completion.latencyMs).not.toBeNull();
      expect(side.completion.params).toMatchObject({ max_tokens: 40, temperature: 0.7, seed: 7 });
    }
    const done = events.filter((e) => e.type === "done");
    expect(done.map((e) => e.data.side).sort()).toEqual(["A", "B"]);
    expect(row.tokensUsed).toBeGreaterThan(0);

    // Another annotator of the project cannot read it; staff can.
    const other = await h.user("ANNOTATOR");
    const theirs = await h.app.inject({ url: `/api/v1/battles/${battle.id}`, headers: bearer(other) });
    expect(theirs.statusCode).toBe(404);
    // Nor can a researcher of another team, through the battle, its events or a vote.
    const stranger = await h.user("RESEARCHER");
    for (const [method, url] of [
      ["GET", `/api/v1/battles/${battle.id}`],
      ["GET", `/api/v1/battles/${battle.id}/events`],
      ["POST", `/api/v1/battles/${battle.id}/vote`],
    ] as const) {
      const res = await h.app.inject({
        method,
        url,
        headers: { ...bearer(stranger), "idempotency-key": randomUUID() },
        ...(method === "POST" ? { payload: { choice: "A" } } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const staff = await h.app.inject({ url: `/api/v1/battles/${battle.id}`, headers: bearer(researcher) });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().battle.turns[0].sides[0].text).toBe(streamed.A);
  }, 150_000);

  it("resumes after Last-Event-ID without losing or repeating a token", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators());
    const battle = (await startBattle(h, annotator, projectId, "Tell me about tides.")).json().battle;
    const full = await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(1) });
    // A browser that received only the first third, then lost the connection.
    const cut = Math.floor(full.length / 3);
    const first = (await readEvents(baseUrl, battle.id, annotator, { stop: (e) => e.length >= cut })).slice(
      0,
      cut,
    );
    const rest = await readEvents(baseUrl, battle.id, annotator, {
      lastEventId: first.at(-1)!.id,
      stop: turnEnded(1),
    });
    expect([...first, ...rest].map((e) => e.id)).toEqual(full.map((e) => e.id));
    expect(textsOf([...first, ...rest], 1)).toEqual(textsOf(full, 1));
  });

  it("takes two turns, each model seeing its own history; each vote is kept once; the end reveals", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators(), { revealModels: true });
    const battle = (await startBattle(h, annotator, projectId, "Name a river.")).json().battle;
    await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(1) });

    const key = randomUUID();
    const first = await vote(h, annotator, battle.id, { choice: "A" }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await vote(h, annotator, battle.id, { choice: "A" }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().judgment.id).toBe(first.json().judgment.id);
    expect(first.json().battle.models).toBeNull();
    expect(first.json().battle.status).toBe("voted");

    const turn = await h.app.inject({
      method: "POST",
      url: `/api/v1/battles/${battle.id}/turns`,
      headers: bearer(annotator),
      payload: { prompt: "And a longer one?" },
    });
    expect(turn.statusCode, turn.body).toBe(201);
    const events = await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(2) });
    const row = await battleRow(battle.id);
    expect(row.turns).toHaveLength(2);
    for (const side of [0, 1]) {
      const earlier = row.turns[0]!.sides[side]!.completion;
      const later = row.turns[1]!.sides[side]!.completion;
      const context = (later.metadata as { arena: { context: unknown[] } }).arena.context;
      expect(context).toEqual([
        { role: "assistant", content: earlier.text },
        { role: "user", content: "And a longer one?" },
      ]);
      const history = [
        { role: "user", content: "Name a river." },
        ...(context as { role: string; content: string }[]),
      ];
      expect(later.text).toBe(await direct(row.turns[1]!.sides[side]!.generator.model, history));
      expect(textsOf(events, 2)[side === 0 ? "A" : "B"]).toBe(later.text);
    }

    const last = await vote(h, annotator, battle.id, { choice: "B", end: true });
    expect(last.statusCode, last.body).toBe(201);
    const revealed = last.json().battle;
    expect(revealed.status).toBe("closed");
    expect(revealed.models).toEqual({
      A: row.turns[0]!.sides[0]!.generator.name,
      B: row.turns[0]!.sides[1]!.generator.name,
    });
    const judgments = await h.db.prisma.judgment.findMany({ where: { projectId } });
    expect(judgments.map((j) => j.choice).sort()).toEqual(["A", "B"]);
    const closed = await h.app.inject({
      method: "POST",
      url: `/api/v1/battles/${battle.id}/turns`,
      headers: bearer(annotator),
      payload: { prompt: "One more?" },
    });
    expect(closed.statusCode).toBe(409);

    // The TRL export holds each turn with its full history: the opening as prompt, each side's
    // own earlier answer and the next user turn before its answer.
    const preview = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/exports/preview`,
      headers: bearer(researcher),
      payload: { format: "trl", include: { metadata: true } },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const lines = preview.json().preview.rows.map((r: { line: string }) => JSON.parse(r.line));
    expect(lines).toHaveLength(2);
    const two = lines.find((l: { chosen: unknown[] }) => l.chosen.length === 3);
    const [t2a, t2b] = row.turns[1]!.sides.map((s) => s.completion.text);
    const [t1a, t1b] = row.turns[0]!.sides.map((s) => s.completion.text);
    expect(two).toMatchObject({
      prompt: [{ role: "user", content: "Name a river." }],
      chosen: [
        { role: "assistant", content: t1b },
        { role: "user", content: "And a longer one?" },
        { role: "assistant", content: t2b },
      ],
      rejected: [
        { role: "assistant", content: t1a },
        { role: "user", content: "And a longer one?" },
        { role: "assistant", content: t2a },
      ],
    });
    expect(two.metadata.screened).toBe(false);
  });

  it("refuses to lease arena items through the ordinary labeling loop", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators());
    await startBattle(h, annotator, projectId, "What is a fjord?");
    const other = await h.user("ANNOTATOR");
    const lease = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/assignments`,
      headers: bearer(annotator),
    });
    expect(lease.statusCode).toBe(204);
    expect(other.id).toBeTruthy();
  });

  it("lists an arena project for its annotators as one, with what the arena page needs", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators(), {
      revealModels: false,
      limits: { maxTurns: 3, promptChars: 500 },
    });
    // An open battle is its annotator's own: nothing is there to lease, for them or anyone.
    await startBattle(h, annotator, projectId, "What is a fjord?");
    const res = await h.app.inject({ url: "/api/v1/me/projects", headers: bearer(annotator) });
    expect(res.statusCode, res.body).toBe(200);
    const listed = res.json().projects.find((p: { id: string }) => p.id === projectId);
    expect(listed).toMatchObject({
      mode: "arena",
      available: 0,
      arena: {
        promptSource: "annotator",
        promptChars: 500,
        maxTurns: 3,
        revealModels: false,
        allowTie: true,
        allowBothBad: true,
        strength: false,
        rationale: "optional",
      },
    });
  });
});

describe("arena limits", () => {
  it("refuses a prompt over the length limit and one that moderation patterns catch", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators(), {
      limits: { promptChars: 20 },
      moderation: { patterns: ["forbidden topic"] },
    });
    const long = await startBattle(h, annotator, projectId, "x".repeat(21));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe("body.prompt");
    const caught = await startBattle(h, annotator, projectId, "a Forbidden  topic");
    expect(caught.statusCode).toBe(422);
    expect(caught.json().error.code).toBe("moderation_refused");
    expect(await h.db.prisma.battle.count({ where: { projectId } })).toBe(0);
  });

  it("limits battles per hour and per day, per annotator", async () => {
    const other = await h.user("ANNOTATOR");
    const hourly = await arenaProject(h, researcher, [annotator, other], generators(), {
      limits: { battlesPerHour: 2 },
    });
    for (let i = 0; i < 2; i++)
      expect((await startBattle(h, annotator, hourly, `Q${i}`)).statusCode).toBe(201);
    const third = await startBattle(h, annotator, hourly, "Q3");
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("rate_limited");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
    expect((await startBattle(h, other, hourly, "Q")).statusCode).toBe(201);

    const daily = await arenaProject(h, researcher, [annotator], generators(), {
      limits: { battlesPerDay: 1 },
    });
    expect((await startBattle(h, annotator, daily, "Q")).statusCode).toBe(201);
    const capped = await startBattle(h, annotator, daily, "Q2");
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.code).toBe("daily_cap");
  });

  it("stops at the project's token budget and shows its use", async () => {
    const projectId = await arenaProject(h, researcher, [annotator], generators(), {
      limits: { tokenBudget: 10 },
    });
    const battle = (await startBattle(h, annotator, projectId, "Describe a desert.")).json().battle;
    await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(1) });
    const over = await startBattle(h, annotator, projectId, "Describe a forest.");
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe("budget_exhausted");
    const usage = await h.app.inject({
      url: `/api/v1/projects/${projectId}/arena/usage`,
      headers: bearer(researcher),
    });
    expect(usage.statusCode).toBe(200);
    expect(usage.json().usage).toMatchObject({ battles: 1, tokenBudget: 10 });
    expect(usage.json().usage.tokensUsed).toBeGreaterThan(10);
  });
});

describe("arena screening", () => {
  // The stand-in's canned English always says "the": a stand-in for a model naming itself.
  const screening = (action: string) => ({ screening: { patterns: ["the"], action } });

  async function votedBattle(action: string) {
    const projectId = await arenaProject(h, researcher, [annotator], generators(), screening(action));
    const battle = (await startBattle(h, annotator, projectId, "Write about the moon.")).json().battle;
    const events = await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(1) });
    const voted = await vote(h, annotator, battle.id, { choice: "A" });
    expect(voted.statusCode, voted.body).toBe(201);
    const stats = await h.app.inject({
      url: `/api/v1/projects/${projectId}/stats`,
      headers: bearer(researcher),
    });
    expect(stats.statusCode, stats.body).toBe(200);
    const row = await battleRow(battle.id);
    return { projectId, events, battle: voted.json().battle, row, stats: stats.json() };
  }

  it("mask: the names never reach the annotator, the stored answer keeps them, the flag is kept", async () => {
    const { events, battle, row } = await votedBattle("mask");
    const streamed = textsOf(events, 1);
    for (const [i, key] of (["A", "B"] as const).entries()) {
      const raw = row.turns[0]!.sides[i]!.completion;
      expect(raw.text).toMatch(/\bthe\b/i);
      expect(streamed[key]).not.toMatch(/\bthe\b/i);
      expect(streamed[key]).toContain("[name withheld]");
      expect(streamed[key]).toBe(
        raw.text.replace(/(?<![\p{L}\p{N}_])the(?![\p{L}\p{N}_])/giu, "[name withheld]"),
      );
      expect(battle.turns[0].sides[i].text).toBe(streamed[key]);
      expect((raw.metadata as { screening: object }).screening).toMatchObject({
        flagged: true,
        action: "mask",
      });
    }
  });

  it("hide: a flagged battle leaves the leaderboard but stays in exports with its flag", async () => {
    const { projectId, stats } = await votedBattle("hide");
    expect(stats.stats?.judgments ?? stats.judgments).toBe(0);
    const preview = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/exports/preview`,
      headers: bearer(researcher),
      payload: { format: "raw" },
    });
    const rows = preview.json().preview.rows.map((r: { line: string }) => JSON.parse(r.line));
    expect(rows).toHaveLength(1);
    expect(rows[0].options[0].screening).toMatchObject({ flagged: true, action: "hide" });
  });

  it("keep: a flagged battle counts like any other", async () => {
    const { stats, row } = await votedBattle("keep");
    expect(stats.stats?.judgments ?? stats.judgments).toBe(1);
    expect((row.turns[0]!.sides[0]!.completion.metadata as { screening: object }).screening).toMatchObject({
      flagged: true,
      action: "keep",
    });
  });
});
