import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { streamTurnJobId } from "@arbiter/jobs";
import { clearRedisPrefix, freePort, type TProcess } from "@arbiter/testkit";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  arenaProject,
  readEvents,
  startArenaWorker,
  startBattle,
  startModelServer,
  turnEnded,
  vote,
} from "./support/arena";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-api-arena-f-${randomUUID().slice(0, 8)}`;

type Server0 = Awaited<ReturnType<typeof startModelServer>>;
let h: Harness;
let baseUrl: string;
let researcher: TestUser;
let annotator: TestUser;
let good: Server0;
let broken: Server0;
let stalling: Server0;
let cut: Server0;
let slow: Server0;
let moderation: Server;
let moderationUrl: string;
let worker: TProcess | undefined;
let hosts: string;

beforeAll(async () => {
  [good, broken, stalling, cut, slow] = await Promise.all([
    startModelServer("good", { MODEL_SERVER_FAULT_TOKEN_LATENCY_MS: "2" }),
    startModelServer("broken", { MODEL_SERVER_FAULT_500_RATE: "1" }),
    startModelServer("stalling", { MODEL_SERVER_FAULT_TOKEN_LATENCY_MS: "5000" }),
    startModelServer("cut", {
      MODEL_SERVER_FAULT_GARBAGE_RATE: "1",
      MODEL_SERVER_FAULT_GARBAGE_MODE: "truncated-sse",
    }),
    startModelServer("slow-a,slow-b", { MODEL_SERVER_FAULT_TOKEN_LATENCY_MS: "40" }),
  ]);
  // A moderation endpoint that flags everything.
  const port = await freePort();
  moderation = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ id: "modr-1", model: "m", results: [{ flagged: true }] }));
  });
  await new Promise<void>((resolve) => moderation.listen(port, "127.0.0.1", resolve));
  moderationUrl = `http://127.0.0.1:${port}/v1/moderations`;
  hosts = [good, broken, stalling, cut, slow]
    .map((s) => s.host)
    .concat(`127.0.0.1:${port}`)
    .join(",");
  h = await createHarness({
    REDIS_PREFIX: prefix,
    GENERATOR_ALLOWED_HOSTS: hosts,
    ARENA_SSE_BLOCK_MS: "300",
  });
  baseUrl = await h.app.listen({ host: "127.0.0.1", port: 0 });
  researcher = await h.user("RESEARCHER");
  annotator = await h.user("ANNOTATOR");
  worker = startWorker();
  // One battle to the end, so that the worker has started before the tests time anything.
  const warmUp = await arenaProject(
    h,
    researcher,
    [annotator],
    [generator(good, "good"), generator(good, "good")],
  );
  const battle = (await startBattle(h, annotator, warmUp, "Warm up")).json().battle;
  await readEvents(baseUrl, battle.id, annotator, { stop: turnEnded(1), timeoutMs: 120_000 });
}, 300_000);

afterAll(async () => {
  await worker?.stop();
  await Promise.all([good, broken, stalling, cut, slow].map((s) => s?.process.stop()));
  moderation?.close();
  await h?.close();
  await clearRedisPrefix(REDIS_URL, prefix);
});

function startWorker() {
  return startArenaWorker(h, prefix, hosts, {
    ARENA_IDLE_TIMEOUT_MS: "700",
    // A killed worker's turn is taken over within a few seconds.
    JOB_LOCK_MS: "2000",
    JOB_STALLED_CHECK_MS: "500",
    ARENA_TURN_DEADLINE_MS: "15000",
    ARENA_SWEEP_INTERVAL_MS: "300",
  });
}

const generator = (server: Server0, model: string) => ({ name: model, baseUrl: server.url, model });

/** A battle of `good` against `faulty`: which side is which is drawn, so it is read back. */
async function failingBattle(faulty: Server0, model: string) {
  const projectId = await arenaProject(
    h,
    researcher,
    [annotator],
    [generator(good, "good"), generator(faulty, model)],
  );
  const battle = (await startBattle(h, annotator, projectId, "Why do cats purr?")).json().battle;
  // The stream ends by itself once the battle has failed.
  const events = await readEvents(baseUrl, battle.id, annotator, { timeoutMs: 40_000 });
  const row = await h.db.prisma.battle.findUniqueOrThrow({
    where: { id: battle.id },
    include: { turns: { include: { sides: { include: { generator: true } } } } },
  });
  const faultySide = row.turns[0]!.sides.find((s) => s.generator.model === model)!.side === 0 ? "A" : "B";
  return { battle, events, row, faultySide, goodSide: faultySide === "A" ? "B" : "A" };
}

async function expectRefusedVote(battleId: string) {
  const res = await vote(h, annotator, battleId, { choice: "A" });
  expect(res.statusCode).toBe(409);
  expect(res.json().error.code).toBe("battle_side_failed");
  const shown = await h.app.inject({ url: `/api/v1/battles/${battleId}`, headers: bearer(annotator) });
  expect(shown.json().battle).toMatchObject({
    status: "failed",
    reason: expect.stringMatching(/start a new battle/),
  });
}

describe("arena failures", () => {
  it("a model server error ends its side with an error event; the vote is refused", async () => {
    const { battle, events, row, faultySide, goodSide } = await failingBattle(broken, "broken");
    const error = events.find((e) => e.type === "error")!;
    expect(error.data).toMatchObject({
      turn: 1,
      side: faultySide,
      message: expect.stringMatching(/server_error/),
    });
    expect(events.some((e) => e.type === "done" && e.data.side === goodSide)).toBe(true);
    expect(events.some((e) => e.type === "ready")).toBe(false);
    expect(row.status).toBe("FAILED");
    await expectRefusedVote(battle.id);
  });

  it("a stalled stream ends its side after the idle timeout", async () => {
    const { battle, events, faultySide } = await failingBattle(stalling, "stalling");
    expect(events.find((e) => e.type === "error")!.data).toMatchObject({
      side: faultySide,
      message: expect.stringMatching(/sent nothing for 700 ms/),
    });
    await expectRefusedVote(battle.id);
  });

  it("a truncated stream ends its side with an error, not a short answer", async () => {
    const { battle, events, row, faultySide } = await failingBattle(cut, "cut");
    expect(events.find((e) => e.type === "error")!.data).toMatchObject({ side: faultySide });
    const sides = await h.db.prisma.battleSide.findMany({ where: { turnId: row.turns[0]!.id } });
    expect(sides.map((s) => s.status).sort()).toEqual(["DONE", "FAILED"]);
    await expectRefusedVote(battle.id);
  });

  it("a moderation endpoint that flags the prompt ends both sides before any model is asked", async () => {
    const projectId = await arenaProject(
      h,
      researcher,
      [annotator],
      [generator(good, "good"), generator(slow, "slow-a")],
      {
        moderation: { endpointUrl: moderationUrl },
      },
    );
    const battle = (await startBattle(h, annotator, projectId, "Something flagged")).json().battle;
    const events = await readEvents(baseUrl, battle.id, annotator, { timeoutMs: 30_000 });
    expect(events.map((e) => e.type)).toEqual(["error", "error"]);
    expect(events[0]!.data.message).toMatch(/moderation service refused/);
    const completions = await h.db.prisma.completion.findMany({ where: { prompt: { projectId } } });
    expect(completions.every((c) => c.text === "" && c.finishReason === null)).toBe(true);
  });

  it("a worker killed mid-stream leaves a closed battle, never one stuck streaming", async () => {
    const projectId = await arenaProject(
      h,
      researcher,
      [annotator],
      [generator(slow, "slow-a"), generator(slow, "slow-b")],
    );
    const battle = (await startBattle(h, annotator, projectId, "Tell a long story.")).json().battle;
    const before = await readEvents(baseUrl, battle.id, annotator, {
      stop: (e) => e.filter((x) => x.type === "token").length >= 6,
    });
    const early = await vote(h, annotator, battle.id, { choice: "A" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("battle_streaming");
    await worker!.kill("SIGKILL");
    worker = startWorker();
    // Ends by itself once the battle has failed.
    const after = await readEvents(baseUrl, battle.id, annotator, {
      lastEventId: before.at(-1)!.id,
      timeoutMs: 60_000,
    });
    const ids = [...before, ...after].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const errors = after.filter((e) => e.type === "error");
    expect(errors.map((e) => e.data.side).sort()).toEqual(["A", "B"]);
    const row = await h.db.prisma.battle.findUniqueOrThrow({ where: { id: battle.id } });
    expect(row.status).toBe("FAILED");
    await expectRefusedVote(battle.id);
  }, 150_000);

  it("the sweep ends a turn whose job was lost", async () => {
    const projectId = await arenaProject(
      h,
      researcher,
      [annotator],
      [generator(good, "good"), generator(slow, "slow-b")],
    );
    await worker!.stop();
    worker = undefined;
    const battle = (await startBattle(h, annotator, projectId, "Lost in the queue")).json().battle;
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue("arena", { connection, prefix });
    await queue.remove(streamTurnJobId(battle.id, 1));
    await queue.close();
    connection.disconnect();
    worker = startWorker();
    const events = await readEvents(baseUrl, battle.id, annotator, { timeoutMs: 90_000 });
    expect(events.map((e) => e.type)).toEqual(["error", "error"]);
    expect(events[0]!.data.message).toMatch(/stopped arriving/);
    const row = await h.db.prisma.battle.findUniqueOrThrow({ where: { id: battle.id } });
    expect(row.status).toBe("FAILED");
  }, 150_000);
});
