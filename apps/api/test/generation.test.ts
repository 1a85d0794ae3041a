import { randomUUID } from "node:crypto";
import { clearRedisPrefix, freePort, type TProcess, waitForHttp } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";
import { spawnApp } from "./support/processes";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-api-gen-${randomUUID().slice(0, 8)}`;

let h: Harness;
let researcher: TestUser;
let modelServer: TProcess;
let modelUrl: string;
let worker: TProcess | undefined;

// The model server listens on loopback, which generators may reach only where the operator
// allows it: the API (checking base URLs) and the worker (checking connections) both say so.
let allowedHosts: string;

beforeAll(async () => {
  const port = await freePort();
  allowedHosts = `127.0.0.1:${port}`;
  h = await createHarness({ REDIS_PREFIX: prefix, GENERATOR_ALLOWED_HOSTS: allowedHosts });
  researcher = await h.user("RESEARCHER");
  modelServer = spawnApp("model-server", "src/server.ts", {
    MODEL_SERVER_PORT: String(port),
    MODEL_SERVER_MODELS: "model-a,model-b",
    LOG_LEVEL: "warn",
  });
  modelUrl = `http://127.0.0.1:${port}/v1`;
  await waitForHttp(`${modelUrl}/models`, { process: modelServer, timeoutMs: 30_000 });
});

afterAll(async () => {
  await worker?.stop();
  await modelServer?.stop();
  await h?.close();
  await clearRedisPrefix(REDIS_URL, prefix);
});

function startWorker() {
  return spawnApp("worker", "src/index.ts", {
    DATABASE_URL: h.db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    WORKER_HEALTH_PORT: "0",
    LOG_LEVEL: "warn",
    GENERATION_REQUEST_TIMEOUT_MS: "2000",
    GENERATION_BACKOFF_MS: "20",
    GENERATION_BACKOFF_MAX_MS: "200",
    GENERATOR_ALLOWED_HOSTS: allowedHosts,
  });
}

async function project(prompts: number) {
  const id = await createProject(h, researcher, { name: "Generation", questions: { strength: false } });
  const added = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${id}/prompts`,
    headers: bearer(researcher),
    payload: { prompts: Array.from({ length: prompts }, (_, i) => ({ text: `Explain tides, take ${i}.` })) },
  });
  expect(added.statusCode).toBe(201);
  return id;
}

async function addGenerator(projectId: string, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/generators`,
    headers: bearer(researcher),
    payload: body,
  });
  return res;
}

describe("generators", () => {
  it("are created, listed, changed and removed, with the key only named", async () => {
    const projectId = await project(1);
    const created = await addGenerator(projectId, {
      name: "A",
      baseUrl: modelUrl,
      model: "model-a",
      params: { temperature: 0.7, max_tokens: 32, top_k: 40 },
      apiKeyEnv: "ARBITER_GENERATOR_KEY_MODEL_A",
      concurrency: 8,
      requestsPerMinute: 600,
    });
    expect(created.statusCode).toBe(201);
    const g = created.json().generator;
    expect(g).toMatchObject({
      mode: "chat",
      params: { temperature: 0.7, max_tokens: 32, top_k: 40 },
      apiKeyEnv: "ARBITER_GENERATOR_KEY_MODEL_A",
      concurrency: 8,
      requestsPerMinute: 600,
    });
    const url = `/api/v1/projects/${projectId}/generators/${g.id}`;
    const patched = await h.app.inject({
      method: "PATCH",
      url,
      headers: bearer(researcher),
      payload: { concurrency: 2, mode: "completion", requestsPerMinute: null },
    });
    expect(patched.json().generator).toMatchObject({
      concurrency: 2,
      mode: "completion",
      requestsPerMinute: null,
    });
    const list = await h.app.inject({
      url: `/api/v1/projects/${projectId}/generators`,
      headers: bearer(researcher),
    });
    expect(list.json().generators.map((x: { id: string }) => x.id)).toEqual([g.id]);
    expect((await h.app.inject({ method: "DELETE", url, headers: bearer(researcher) })).statusCode).toBe(204);
    expect((await h.app.inject({ url, headers: bearer(researcher) })).statusCode).toBe(404);
  });

  it("reject bad input with the failing field", async () => {
    const projectId = await project(1);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "x", baseUrl: "ftp://host/v1", model: "m" }, "baseUrl"],
      [{ name: "x", baseUrl: modelUrl, model: "m", apiKeyEnv: "not a var" }, "apiKeyEnv"],
      [{ name: "x", baseUrl: modelUrl, model: "m", concurrency: 0 }, "concurrency"],
      [{ name: "x", baseUrl: modelUrl, model: "m", params: { temperature: -1 } }, "params"],
      [{ name: "x", baseUrl: modelUrl, model: "m", mode: "embeddings" }, "mode"],
    ];
    for (const [body, field] of cases) {
      const res = await addGenerator(projectId, body);
      expect(res.statusCode, field).toBe(400);
      expect(JSON.stringify(res.json().error), field).toContain(field);
    }
  });

  it("a generator of another project is not found", async () => {
    const one = await project(1);
    const other = await project(1);
    const g = (await addGenerator(one, { name: "A", baseUrl: modelUrl, model: "model-a" })).json().generator;
    const res = await h.app.inject({
      url: `/api/v1/projects/${other}/generators/${g.id}`,
      headers: bearer(researcher),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("generation through the API, the worker process and the model server", () => {
  it("tests a connection, runs 2 generators x 10 prompts x 2 samples, builds items twice", async () => {
    worker = startWorker();
    const projectId = await project(10);
    const a = (await addGenerator(projectId, { name: "A", baseUrl: modelUrl, model: "model-a" })).json()
      .generator;
    const b = (
      await addGenerator(projectId, { name: "B", baseUrl: modelUrl, model: "model-b", params: { seed: 3 } })
    ).json().generator;
    const wrong = (
      await addGenerator(projectId, { name: "W", baseUrl: modelUrl, model: "no-such-model" })
    ).json().generator;

    const ok = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/generators/${a.id}/test`,
      headers: bearer(researcher),
    });
    expect(ok.statusCode, worker.output()).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, model: "model-a" });
    const bad = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/generators/${wrong.id}/test`,
      headers: bearer(researcher),
    });
    // The class of failure and the status; what the server said stays on the worker.
    expect(bad.json()).toMatchObject({ ok: false, status: 404, error: "not_found" });
    expect(bad.json().message).not.toContain("no-such-model");

    const started = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/generation-runs`,
      headers: bearer(researcher),
      payload: { generatorIds: [a.id, b.id], samplesPerPrompt: 2 },
    });
    expect(started.statusCode).toBe(201);
    const runId = started.json().run.id;
    expect(started.json().run).toMatchObject({ status: "QUEUED", total: 40 });
    let run = started.json().run;
    const deadline = Date.now() + 60_000;
    while (run.status !== "SUCCEEDED") {
      expect(Date.now() < deadline, JSON.stringify(run)).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      run = (
        await h.app.inject({
          url: `/api/v1/projects/${projectId}/generation-runs/${runId}`,
          headers: bearer(researcher),
        })
      ).json().run;
    }
    expect(run).toMatchObject({ total: 40, done: 40, pending: 0, failed: 0, lastErrors: [] });

    const build = () =>
      h.app.inject({
        method: "POST",
        url: `/api/v1/projects/${projectId}/items/build`,
        headers: bearer(researcher),
        payload: { strategy: "cross-generator" },
      });
    const first = await build();
    expect(first.json()).toMatchObject({ created: 10, existing: 0, prompts: 10 });
    expect((await build()).json()).toMatchObject({ created: 0, existing: 10 });
    const sameGen = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/items/build`,
      headers: bearer(researcher),
      payload: { strategy: "same-generator", maxPerPrompt: 2 },
    });
    // Each prompt already has its cross-generator item, so the cap leaves room for one more.
    expect(sameGen.json()).toMatchObject({ created: 10 });
    const pairs = await h.db.pool.query(
      `SELECT i.id, array_agg(DISTINCT c.generator_id) AS gens, count(*)::int AS n
         FROM items i JOIN item_completions ic ON ic.item_id = i.id JOIN completions c ON c.id = ic.completion_id
        WHERE i.project_id = $1 GROUP BY i.id`,
      [projectId],
    );
    expect(pairs.rows).toHaveLength(20);
    expect(pairs.rows.every((r) => r.n === 2)).toBe(true);
    expect(pairs.rows.filter((r) => r.gens.length === 2)).toHaveLength(10);
  });

  it("cancels a run, and refuses to cancel it twice", async () => {
    const projectId = await project(30);
    const g = (
      await addGenerator(projectId, { name: "A", baseUrl: modelUrl, model: "model-a", concurrency: 1 })
    ).json().generator;
    const started = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/generation-runs`,
      headers: bearer(researcher),
      payload: { generatorIds: [g.id], samplesPerPrompt: 3 },
    });
    const runId = started.json().run.id;
    const url = `/api/v1/projects/${projectId}/generation-runs/${runId}/cancel`;
    const cancelled = await h.app.inject({ method: "POST", url, headers: bearer(researcher) });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().run.status).toBe("CANCELLED");
    const stored = await h.db.prisma.completion.count({ where: { runId } });
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.db.prisma.completion.count({ where: { runId } })).toBe(stored);
    expect((await h.app.inject({ method: "POST", url, headers: bearer(researcher) })).statusCode).toBe(409);
  });

  it("refuses generators of another project and unknown prompts", async () => {
    const one = await project(2);
    const other = await project(2);
    const g = (await addGenerator(other, { name: "A", baseUrl: modelUrl, model: "model-a" })).json()
      .generator;
    const res = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${one}/generation-runs`,
      headers: bearer(researcher),
      payload: { generatorIds: [g.id] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("generatorIds.0");
    const own = (await addGenerator(one, { name: "A", baseUrl: modelUrl, model: "model-a" })).json()
      .generator;
    const prompts = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${one}/generation-runs`,
      headers: bearer(researcher),
      payload: { generatorIds: [own.id], promptIds: [randomUUID()] },
    });
    expect(prompts.statusCode).toBe(400);
    expect(prompts.json().error.message).toContain("promptIds");
  });
});
