import { waitFor } from "@arbiter/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProject } from "../support/annotation";
import type { TestUser } from "../support/harness";
import { type ApiProcess, startApi } from "../support/processes";
import { runAnnotators } from "./support/annotators";
import { type Cluster, createCluster, migratedDatabase } from "./support/postgres-cluster";
import { seedingHarness } from "./support/seed";

const ANNOTATORS = 12;

let cluster: Cluster;
let api: ApiProcess;
let databaseUrl: string;
let projectId: string;
let annotators: TestUser[];

beforeAll(async () => {
  cluster = await createCluster();
  databaseUrl = await migratedDatabase(cluster);
  const h = await seedingHarness(databaseUrl);
  try {
    const researcher = await h.user("RESEARCHER");
    annotators = [];
    for (let i = 0; i < ANNOTATORS; i++) annotators.push(await h.user("ANNOTATOR"));
    ({ projectId } = await seedProject(h, researcher, annotators, { items: 100, judgmentsPerItem: 3 }));
  } finally {
    await h.close();
  }
  api = await startApi({ DATABASE_URL: databaseUrl, DB_POOL_SIZE: "8" });
}, 180_000);

afterAll(async () => {
  await api?.kill("SIGTERM");
  await cluster?.destroy();
});

async function readyz() {
  const res = await fetch(`${api.url}/readyz`).catch(() => null);
  return res ? { status: res.status, body: await res.json() } : null;
}

async function countJudgments(query: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}

describe("Postgres restarted under a load of annotators", () => {
  it("503 + not ready while down, recovery without an API restart, every acknowledged judgment stored exactly once", async () => {
    const load = runAnnotators(
      api.url,
      projectId,
      annotators.map((a) => a.token),
    );
    await waitFor(async () => load.acks.length >= 40, {
      what: "40 judgments before the crash",
      process: api,
    });

    await cluster.stop("immediate");
    await waitFor(async () => (await readyz())?.status === 503, {
      what: "readyz to report the outage",
      process: api,
    });
    expect((await readyz())?.body).toMatchObject({ status: "unavailable", checks: { postgres: "down" } });
    // The annotators' own calls are answered 503 with a retryable error meanwhile.
    const seenBefore = load.unavailable.length;
    await waitFor(async () => load.unavailable.length >= seenBefore + ANNOTATORS, {
      what: "annotators to get 503s",
      process: api,
    });
    const acksWhileDown = load.acks.length;

    await cluster.start();
    await waitFor(async () => (await readyz())?.status === 200, {
      what: "readyz to recover",
      process: api,
    });
    await waitFor(async () => load.acks.length >= acksWhileDown + 40, {
      what: "judgments to flow again",
      process: api,
    });
    await load.stop();

    expect(load.failures).toEqual([]);
    expect(api.child.exitCode).toBeNull();
    for (const answer of load.unavailable) {
      expect(answer.body).toMatchObject({ error: { code: "service_unavailable" } });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }

    const acked = new Map(load.acks.map((a) => [a.judgmentId, a]));
    // A retry that replays an answer acknowledges the same judgment again, never a new one.
    expect(new Set(load.acks.map((a) => a.key)).size).toBe(acked.size);
    const stored = await countJudgments(
      "SELECT id, idempotency_key, assignment_id FROM judgments WHERE superseded_at IS NULL",
    );
    expect(stored.length).toBe(acked.size);
    for (const row of stored) {
      const ack = acked.get(row.id);
      expect(ack, `judgment ${row.id} was stored but never acknowledged`).toBeDefined();
      expect(row.assignment_id).toBe(ack!.assignmentId);
    }
    const perAssignment = await countJudgments(
      "SELECT assignment_id FROM judgments GROUP BY assignment_id HAVING count(*) > 1",
    );
    expect(perAssignment).toEqual([]);
  }, 240_000);
});
