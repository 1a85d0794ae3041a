import { waitFor } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnnotators } from "./support/annotators";
import { MODELS, type ReplicaStack, startReplicaStack } from "./support/replica-stack";

const ANNOTATORS = 300;
const ITEMS = 600;
const PER_ITEM = 3;
const GENERATED_PROMPTS = 60;
const SAMPLES_PER_PROMPT = 2;

let stack: ReplicaStack;

beforeAll(async () => {
  stack = await startReplicaStack({
    apis: 3,
    workers: 2,
    annotators: ANNOTATORS,
    items: ITEMS,
    // 240 requests of a second each, 4 at a time per generator: the run outlasts the kills.
    modelLatencyMs: 1_000,
  });
}, 180_000);

afterAll(async () => stack?.close());

/** A researcher's call through the proxy; a replica that died with it is asked again. */
async function research(method: "GET" | "POST", path: string, body?: object) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${stack.proxy.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${stack.researcherToken}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    }).catch(() => null);
    if (res && res.status < 500) {
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, text };
    }
    if (attempt >= 20) throw new Error(`${method} ${path}: ${res?.status ?? "no answer"} 20 times`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startGeneration(): Promise<string> {
  const generatorIds: string[] = [];
  for (const model of MODELS) {
    const g = await research("POST", `/projects/${stack.projectId}/generators`, {
      name: model,
      baseUrl: stack.modelUrl,
      model,
      concurrency: 4,
    });
    expect(g.status, g.text).toBe(201);
    generatorIds.push(g.body.generator.id);
  }
  const { rows } = await stack.db.pool.query<{ id: string }>(
    "SELECT id FROM prompts WHERE project_id = $1 ORDER BY id LIMIT $2",
    [stack.projectId, GENERATED_PROMPTS],
  );
  const run = await research("POST", `/projects/${stack.projectId}/generation-runs`, {
    generatorIds,
    samplesPerPrompt: SAMPLES_PER_PROMPT,
    promptIds: rows.map((r) => r.id),
  });
  expect(run.status, run.text).toBe(201);
  return run.body.run.id;
}

async function requestExport(): Promise<string> {
  // Every stored judgment is counted, so the quality filter that leaves out answers quicker
  // than fastSeconds (the simulated annotators answer at once) is off.
  const res = await research("POST", `/projects/${stack.projectId}/exports`, {
    format: "raw",
    compress: false,
    excludeTooFast: false,
  });
  expect(res.status, res.text).toBe(202);
  return res.body.export.id;
}

/** The judgment ids in an export's files, read through the proxy as a client downloads them. */
async function exportedJudgments(exportId: string): Promise<string[]> {
  const { body } = await research("GET", `/exports/${exportId}`);
  const ids: string[] = [];
  for (const file of body.export.files.filter((f: { split: string | null }) => f.split)) {
    const res = await fetch(`${stack.proxy.url}/api/v1/exports/${exportId}/files/${file.name}`, {
      headers: { authorization: `Bearer ${stack.researcherToken}` },
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split("\n").filter(Boolean);
    expect(lines.length).toBe(file.rows);
    for (const line of lines) ids.push(JSON.parse(line).judgment_id);
  }
  return ids;
}

async function waitForStatus(what: string, path: string, key: "run" | "export", timeoutMs = 120_000) {
  let last: { status: string } | undefined;
  await waitFor(
    async () => {
      last = (await research("GET", path)).body[key];
      return last?.status === "SUCCEEDED" || last?.status === "FAILED";
    },
    { what, timeoutMs, intervalMs: 250 },
  ).catch((err) => {
    throw new Error(`${(err as Error).message}; last seen ${JSON.stringify(last)}\n${stack.output()}`);
  });
  return last as Record<string, unknown>;
}

async function eventCount(type: string, field: string, id: string): Promise<number> {
  const { rows } = await stack.db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM webhook_events WHERE type = $1 AND data->>$2 = $3",
    [type, field, id],
  );
  return rows[0]!.n;
}

describe("three API replicas and two workers, one of each SIGKILLed under load", () => {
  it("store every acknowledged judgment once, fill every item exactly, finish the run and exports once", async () => {
    const total = ITEMS * PER_ITEM;
    // Status changes are written to the outbox only when an endpoint wants them: the events
    // then count how often each run and export finished.
    const hook = await research("POST", `/projects/${stack.projectId}/webhooks`, {
      url: "https://hooks.example.com/arbiter",
      events: ["generation_run.finished", "export.succeeded", "export.failed"],
    });
    expect(hook.status, hook.text).toBe(201);

    const runId = await startGeneration();
    const load = runAnnotators(stack.proxy.url, stack.projectId, stack.tokens, { retryGatewayErrors: true });
    const samples = GENERATED_PROMPTS * MODELS.length * SAMPLES_PER_PROMPT;
    const generated = async () => {
      const { rows } = await stack.db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM completions WHERE run_id = $1",
        [runId],
      );
      return rows[0]!.n;
    };
    // Mid-way for both, however fast this machine annotates or generates today: a third of
    // the judgments or half the completions, whichever comes first, with the other under way.
    await waitFor(
      async () => {
        const [judged, done] = [load.acks.length, await generated()];
        return (
          (judged >= total / 3 && done > 0) ||
          (done >= samples / 2 && judged >= total / 10) ||
          load.failures.length > 0
        );
      },
      { what: "a third of the judgments or half the completions before the kills", timeoutMs: 120_000 },
    );
    const acksBeforeExport = load.acks.length;
    const duringLoad = await requestExport();

    const [deadApi] = stack.apis.splice(1, 1);
    const [deadWorker] = stack.workers.splice(0, 1);
    await Promise.all([deadApi!.kill("SIGKILL"), deadWorker!.kill("SIGKILL")]);
    const acksAtKill = load.acks.length;
    expect(await generated(), "the run finished before the worker was killed").toBeLessThan(samples);
    // The proxy stops sending it requests once its probes fail; until then its requests fail
    // and the annotators send them again.
    await stack.proxy.waitUntilUnready(deadApi!.url, 30_000);

    await waitFor(() => load.running() === 0 || load.failures.length > 0, {
      what: `the crowd to finish the project's ${total} judgments`,
      timeoutMs: 150_000,
    });
    await load.stop();
    expect(load.failures).toEqual([]);
    expect(acksAtKill).toBeLessThan(total);
    // The dead replica's requests, and only those, failed at the proxy.
    for (const failure of stack.proxy.stats.failures) expect(failure).toContain(deadApi!.url);
    for (const api of stack.apis) expect(stack.proxy.stats.forwarded.get(api.url) ?? 0).toBeGreaterThan(0);

    // Every acknowledged judgment is stored once, and nothing else is.
    const acked = new Map(load.acks.map((a) => [a.judgmentId, a]));
    expect(new Set(load.acks.map((a) => a.key)).size).toBe(acked.size);
    const { rows: stored } = await stack.db.pool.query<{
      id: string;
      assignment_id: string;
      annotator_id: string;
      idempotency_key: string;
    }>("SELECT id, assignment_id, annotator_id, idempotency_key FROM judgments WHERE project_id = $1", [
      stack.projectId,
    ]);
    expect(stored.length).toBe(total);
    expect(acked.size).toBe(total);
    for (const row of stored) {
      const ack = acked.get(row.id);
      expect(ack, `judgment ${row.id} was stored but never acknowledged`).toBeDefined();
      expect(row.idempotency_key).toBe(ack!.key);
      expect(row.assignment_id).toBe(ack!.assignmentId);
    }
    expect(new Set(stored.map((r) => `${r.annotator_id} ${r.idempotency_key}`)).size).toBe(total);

    // Every item has exactly its overlap, counted, and is complete.
    const { rows: items } = await stack.db.pool.query(
      `SELECT i.id, i.status, i.judgments_wanted, i.judgments_count,
              count(j.id) FILTER (WHERE j.counted)::int AS counted, count(j.id)::int AS judgments
         FROM items i LEFT JOIN judgments j ON j.item_id = i.id
        WHERE i.project_id = $1 AND NOT i.is_gold
        GROUP BY i.id
       HAVING i.status <> 'COMPLETE' OR count(j.id) FILTER (WHERE j.counted) <> i.judgments_wanted
           OR i.judgments_count <> i.judgments_wanted OR count(j.id) <> i.judgments_wanted`,
      [stack.projectId],
    );
    expect(items).toEqual([]);

    // The run finished once, with one completion per prompt and generator.
    const run = await waitForStatus(
      "the generation run to finish",
      `/projects/${stack.projectId}/generation-runs/${runId}`,
      "run",
    );
    expect(run).toMatchObject({ status: "SUCCEEDED", total: samples, done: samples, failed: 0 });
    const { rows: completions } = await stack.db.pool.query(
      `SELECT count(*)::int AS total, count(DISTINCT (prompt_id, generator_id, sample_index))::int AS distinct_samples
         FROM completions WHERE run_id = $1`,
      [runId],
    );
    expect(completions[0]).toEqual({ total: samples, distinct_samples: samples });
    expect(await eventCount("generation_run.finished", "runId", runId)).toBe(1);

    // The export taken under load (through a worker kill) finished once; its rows are stored
    // judgments, each once. One taken now holds every judgment, and nothing else.
    const afterLoad = await requestExport();
    for (const id of [duringLoad, afterLoad]) {
      const done = await waitForStatus(`export ${id} to finish`, `/exports/${id}`, "export");
      expect(done.status, JSON.stringify(done)).toBe("SUCCEEDED");
      expect(await eventCount("export.succeeded", "exportId", id)).toBe(1);
      expect(await eventCount("export.failed", "exportId", id)).toBe(0);
    }
    const storedIds = new Set(stored.map((r) => r.id));
    const partial = await exportedJudgments(duringLoad);
    expect(new Set(partial).size).toBe(partial.length);
    // It reads after it was asked for: whatever was acknowledged before is in it.
    expect(partial.length).toBeGreaterThanOrEqual(acksBeforeExport);
    for (const id of partial) expect(storedIds.has(id), `exported judgment ${id} is not stored`).toBe(true);
    expect((await exportedJudgments(afterLoad)).sort()).toEqual([...storedIds].sort());
    const { rows: exports } = await stack.db.pool.query(
      "SELECT status, count(*)::int AS n FROM exports WHERE project_id = $1 GROUP BY status",
      [stack.projectId],
    );
    expect(exports).toEqual([{ status: "SUCCEEDED", n: 2 }]);
    // The figures docs/operations.md quotes.
    console.log(
      `replicas: ${total} judgments, ${acksAtKill} acknowledged at the kills, ${load.gatewayErrors.length} answers ` +
        `resent after a 502, ${partial.length} rows in the export taken under load; run ${samples}/${samples}`,
    );
  }, 300_000);
});
