import { randomUUID } from "node:crypto";
import {
  createTestDatabase,
  startReverseProxy,
  type TestDatabase,
  type TReverseProxy,
  waitFor,
} from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addItems, seedProject } from "../support/annotation";
import type { TestUser } from "../support/harness";
import { type ApiProcess, startApi } from "../support/processes";
import { seedingHarness } from "./support/seed";

const ANNOTATORS = 6;
// What deploy/kubernetes sets, scaled down: the proxy below takes a replica out after 3 failed
// probes 100 ms apart, the kubelet after 2 failed probes 2 s apart.
const DRAIN_MS = 1_500;

let db: TestDatabase;
let annotators: TestUser[];
let projectId: string;
let proxy: TReverseProxy;
const replicas: ApiProcess[] = [];

const replicaEnv = () => ({
  DATABASE_URL: db.url,
  REDIS_PREFIX: `rolling-${randomUUID()}`,
  DB_POOL_SIZE: "6",
  SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
});

beforeAll(async () => {
  db = await createTestDatabase();
  const h = await seedingHarness(db.url);
  try {
    const researcher = await h.user("RESEARCHER");
    annotators = [];
    for (let i = 0; i < ANNOTATORS; i++) annotators.push(await h.user("ANNOTATOR"));
    // Items in chunks: one large insert can outlast Prisma's transaction timeout on a busy machine.
    ({ projectId } = await seedProject(h, researcher, annotators, { items: 250, judgmentsPerItem: 3 }));
    for (let chunk = 1; chunk < 4; chunk++) {
      const texts = Array.from({ length: 250 }, (_, i) => `Prompt ${chunk}.${i}`);
      await addItems(h, researcher, projectId, texts, (i) => ({
        completions: [0, 1].map((c) => ({ text: `answer ${chunk}.${i}.${c}`, model: `model-${c}` })),
      }));
    }
  } finally {
    await h.close();
  }
  replicas.push(await startApi(replicaEnv()), await startApi(replicaEnv()));
  proxy = await startReverseProxy({
    backends: replicas.map((r) => r.url),
    probeIntervalMs: 100,
    failureThreshold: 3,
  });
  for (const r of replicas) await proxy.waitUntilReady(r.url);
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all(replicas.map((r) => r.stop()));
  await db?.drop();
});

type Ack = { judgmentId: string; assignmentId: string; key: string };

/**
 * Annotators at a steady pace through the proxy: read their account, lease, answer. Every
 * answer is recorded; anything but the expected status, or a dropped connection, is a failure
 * (nothing is retried, so a lost request cannot hide behind a retry).
 */
function steadyLoad(url: string) {
  let stopping = false;
  const acks: Ack[] = [];
  const failures: string[] = [];
  let requests = 0;

  async function call(token: string, method: "GET" | "POST", path: string, body?: object, key?: string) {
    requests += 1;
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { "content-type": "application/json" } : {}),
          ...(key ? { "idempotency-key": key } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    } catch (err) {
      failures.push(`${method} ${path}: ${(err as Error).cause ?? (err as Error).message}`);
      return null;
    }
  }

  async function annotator(token: string) {
    // Alternating sides: one side always would be quarantined as position bias.
    let side = 0;
    for (; !stopping; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const me = await call(token, "GET", "/api/v1/me");
      if (me && me.status !== 200) failures.push(`GET /me: ${me.status} ${JSON.stringify(me.body)}`);
      const lease = await call(token, "POST", `/api/v1/projects/${projectId}/assignments`);
      // Nothing left to judge (a fast machine): the reads go on.
      if (!lease || lease.status === 204) continue;
      if (lease.status !== 201) {
        failures.push(`lease: ${lease.status} ${JSON.stringify(lease.body)}`);
        continue;
      }
      const assignmentId: string = lease.body.assignment.id;
      const key = randomUUID();
      const path = `/api/v1/assignments/${assignmentId}/judgment`;
      const answer = await call(token, "POST", path, { choice: side++ % 2 ? "B" : "A" }, key);
      if (answer?.status === 201) acks.push({ judgmentId: answer.body.judgment.id, assignmentId, key });
      else if (answer) failures.push(`judgment: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }

  const loops = annotators.map((a) => annotator(a.token));
  return {
    acks,
    failures,
    requests: () => requests,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

describe("a rolling restart of two API replicas behind a readiness-following proxy", () => {
  it("drops no request and stores every acknowledged judgment once", async () => {
    const load = steadyLoad(proxy.url);
    const progress = (n: number, what: string) =>
      waitFor(() => load.requests() >= n || load.failures.length > 0, { what, timeoutMs: 60_000 });
    await progress(100, "requests before the rollout");

    // As a Deployment with maxSurge 1, maxUnavailable 0: a fresh replica becomes ready, then an
    // old one gets SIGTERM while the proxy may still send it requests.
    for (const old of [...replicas]) {
      const fresh = await startApi(replicaEnv());
      replicas.push(fresh);
      proxy.add(fresh.url);
      await proxy.waitUntilReady(fresh.url);
      old.child.kill("SIGTERM");
      await proxy.waitUntilUnready(old.url, 10_000);
      expect(await old.exited, old.output()).toBe(0);
      proxy.remove(old.url);
      replicas.splice(replicas.indexOf(old), 1);
      await progress(load.requests() + 100, "requests after replacing a replica");
    }
    await load.stop();

    expect(load.failures).toEqual([]);
    expect(proxy.stats.failures).toEqual([]);
    // The new replicas took over the whole load.
    for (const r of replicas) expect(proxy.stats.forwarded.get(r.url) ?? 0).toBeGreaterThan(0);
    expect(load.acks.length).toBeGreaterThan(0);

    const acked = new Map(load.acks.map((a) => [a.judgmentId, a]));
    expect(acked.size).toBe(load.acks.length);
    const stored = await db.prisma.judgment.findMany({
      where: { projectId },
      select: { id: true, assignmentId: true, idempotencyKey: true },
    });
    expect(stored.length).toBe(acked.size);
    for (const row of stored) {
      const ack = acked.get(row.id);
      expect(ack, `judgment ${row.id} was stored but never acknowledged`).toBeDefined();
      expect(row.assignmentId).toBe(ack!.assignmentId);
      expect(row.idempotencyKey).toBe(ack!.key);
    }
  }, 240_000);
});
