import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { clearRedisPrefix, type TProcess } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";
import { spawnApp } from "./support/processes";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-api-cred-${randomUUID().slice(0, 8)}`;
const ENCRYPTION_KEY = `encryption-key-${randomBytes(24).toString("hex")}`;
// Anything the upstream says carries this; none of it may reach the researcher.
const MARKER = `upstream-marker-${randomBytes(8).toString("hex")}`;
const API_KEY = `sk-live-${randomBytes(16).toString("hex")}`;

let h: Harness;
let researcher: TestUser;
let listener: Server;
let upstream: string;
let worker: TProcess | undefined;
const received: { url: string; headers: IncomingHttpHeaders }[] = [];

/** Not the model server: a listener that answers each path its own way, every way carrying the marker. */
function answer(url: string, res: import("node:http").ServerResponse) {
  if (url.startsWith("/fails-json/")) {
    res.writeHead(500, { "content-type": "application/json" });
    return res.end(JSON.stringify({ error: { message: `internal detail ${MARKER}`, type: MARKER } }));
  }
  if (url.startsWith("/fails-text/")) {
    res.writeHead(500, { "content-type": "text/plain" });
    return res.end(`stack trace of an internal service ${MARKER}`);
  }
  if (url.startsWith("/not-a-model/")) {
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify({ secret: MARKER }));
  }
  res.writeHead(200, { "content-type": "application/json" });
  return res.end(
    JSON.stringify({
      id: "x",
      object: "chat.completion",
      created: 0,
      model: `${MARKER}-model`,
      choices: [
        { index: 0, message: { role: "assistant", content: `${MARKER} text` }, finish_reason: "stop" },
      ],
    }),
  );
}

beforeAll(async () => {
  listener = createServer((req, res) => {
    received.push({ url: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => answer(req.url ?? "", res));
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(listener.address() as AddressInfo).port}`;
  upstream = `http://${host}`;
  h = await createHarness({
    REDIS_PREFIX: prefix,
    GENERATOR_ALLOWED_HOSTS: host,
    ARBITER_ENCRYPTION_KEY: ENCRYPTION_KEY,
  });
  researcher = await h.user("RESEARCHER");
  worker = spawnApp("worker", "src/index.ts", {
    DATABASE_URL: h.db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    WORKER_HEALTH_PORT: "0",
    WORKER_QUEUES: "generation",
    LOG_LEVEL: "trace",
    GENERATION_REQUEST_TIMEOUT_MS: "5000",
    GENERATOR_ALLOWED_HOSTS: host,
    ARBITER_ENCRYPTION_KEY: ENCRYPTION_KEY,
  });
});

afterAll(async () => {
  await worker?.stop();
  await h?.close();
  listener?.closeAllConnections();
  await new Promise((resolve) => listener?.close(resolve));
  await clearRedisPrefix(REDIS_URL, prefix);
});

const project = () => createProject(h, researcher, { name: "Credentials", questions: { strength: false } });

const create = (projectId: string, body: Record<string, unknown>) =>
  h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/generators`,
    headers: bearer(researcher),
    payload: { name: "G", model: "m", ...body },
  });
const patch = (projectId: string, id: string, body: Record<string, unknown>) =>
  h.app.inject({
    method: "PATCH",
    url: `/api/v1/projects/${projectId}/generators/${id}`,
    headers: bearer(researcher),
    payload: body,
  });
const test = (projectId: string, id: string) =>
  h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/generators/${id}/test`,
    headers: bearer(researcher),
  });

function expectNamed(res: { statusCode: number; json: () => { error: unknown } }, field: string) {
  expect(res.statusCode, field).toBe(400);
  expect(JSON.stringify(res.json().error), field).toContain(field);
}

describe("a generator's API key", () => {
  it("is write-only: responses say whether one is set and its last four characters, never more", async () => {
    const projectId = await project();
    const created = await create(projectId, { baseUrl: `${upstream}/v1`, apiKey: API_KEY });
    expect(created.statusCode).toBe(201);
    const g = created.json().generator;
    expect(g).toMatchObject({ apiKeySet: true, apiKeyLast4: API_KEY.slice(-4), apiKeyEnv: null });
    expect(g).not.toHaveProperty("apiKey");
    const reads = [
      created,
      await h.app.inject({
        url: `/api/v1/projects/${projectId}/generators/${g.id}`,
        headers: bearer(researcher),
      }),
      await h.app.inject({ url: `/api/v1/projects/${projectId}/generators`, headers: bearer(researcher) }),
      await patch(projectId, g.id, { concurrency: 3 }),
    ];
    for (const res of reads) {
      expect(res.statusCode).toBe(res === created ? 201 : 200);
      expect(res.body).not.toContain(API_KEY);
      expect(res.body).not.toContain(API_KEY.slice(0, -4));
    }

    // At rest: ciphertext only, in the row and in the audit trail.
    const { rows } = await h.db.pool.query("SELECT api_key_ciphertext FROM generators WHERE id = $1", [g.id]);
    const blob: Buffer = rows[0].api_key_ciphertext;
    expect(blob.length).toBeGreaterThan(API_KEY.length);
    expect(blob.includes(Buffer.from(API_KEY))).toBe(false);
    const dump = JSON.stringify(
      (await h.db.pool.query("SELECT g.*, a.* FROM generators g, audit_events a")).rows,
    );
    expect(dump).not.toContain(API_KEY);

    const cleared = await patch(projectId, g.id, { apiKey: null });
    expect(cleared.json().generator).toMatchObject({ apiKeySet: false, apiKeyLast4: null });
    const after = await h.db.pool.query("SELECT api_key_ciphertext FROM generators WHERE id = $1", [g.id]);
    expect(after.rows[0].api_key_ciphertext).toBeNull();
    const again = await patch(projectId, g.id, { apiKey: "short-key" });
    // Too short to show any of it.
    expect(again.json().generator).toMatchObject({ apiKeySet: true, apiKeyLast4: null });
  });

  it("goes only to the server it was given for: moving the generator asks for it again", async () => {
    const projectId = await project();
    const g = (await create(projectId, { baseUrl: `${upstream}/v1`, apiKey: API_KEY })).json().generator;
    // Same origin, another path: the key stays.
    expect((await patch(projectId, g.id, { baseUrl: `${upstream}/other/v1` })).statusCode).toBe(200);
    expectNamed(await patch(projectId, g.id, { baseUrl: "https://gpu.example/v1" }), "apiKey");
    const moved = await patch(projectId, g.id, { baseUrl: "https://gpu.example/v1", apiKey: null });
    expect(moved.json().generator).toMatchObject({ baseUrl: "https://gpu.example/v1", apiKeySet: false });
  });

  it("apiKeyEnv names only ARBITER_GENERATOR_KEY_* variables: the worker's secrets are a 400", async () => {
    const projectId = await project();
    for (const apiKeyEnv of [
      "ARBITER_ADMIN_PASSWORD",
      "DATABASE_URL",
      "ARBITER_SECRET",
      "PATH",
      "ARBITER_GENERATOR_KEY_",
    ]) {
      expectNamed(await create(projectId, { baseUrl: `${upstream}/v1`, apiKeyEnv }), "apiKeyEnv");
    }
    const ok = await create(projectId, {
      baseUrl: `${upstream}/v1`,
      apiKeyEnv: "ARBITER_GENERATOR_KEY_VLLM",
    });
    expect(ok.statusCode).toBe(201);
    expectNamed(await patch(projectId, ok.json().generator.id, { apiKeyEnv: "DATABASE_URL" }), "apiKeyEnv");
    // A misspelt field is named too, rather than dropped with the key in it.
    expectNamed(await create(projectId, { baseUrl: `${upstream}/v1`, api_key: API_KEY }), "api_key");
  });
});

describe("base URLs", () => {
  it("pointing at loopback, link-local, metadata or unspecified addresses are a 400 naming baseUrl", async () => {
    const projectId = await project();
    const allowed = (await create(projectId, { baseUrl: `${upstream}/v1` })).json().generator;
    const refused = [
      "http://127.0.0.1:9/v1",
      "http://localhost/v1",
      "http://localhost.:8000/v1",
      "http://[::1]/v1",
      "http://169.254.169.254/latest",
      "http://[::ffff:127.0.0.1]/v1",
      "http://[::ffff:169.254.169.254]/v1",
      "http://0.0.0.0:8000/v1",
      "http://2130706433/v1",
      "http://[fd00:ec2::254]/v1",
      "http://user:password@gpu.example/v1",
      "file:///etc/passwd",
      "gopher://gpu.example/v1",
    ];
    for (const baseUrl of refused) {
      expectNamed(await create(projectId, { baseUrl }), "baseUrl");
      expectNamed(await patch(projectId, allowed.id, { baseUrl }), "baseUrl");
    }
    for (const baseUrl of ["http://10.1.2.3:8000/v1", "https://gpu.example/v1"]) {
      expect((await create(projectId, { baseUrl })).statusCode, baseUrl).toBe(201);
    }
  });
});

describe("the connection test", () => {
  it("answers status, latency, model and a fixed message; nothing the server said", async () => {
    const projectId = await project();
    const add = async (path: string, body: Record<string, unknown> = {}) =>
      (await create(projectId, { baseUrl: `${upstream}${path}`, model: "configured-model", ...body })).json()
        .generator.id as string;

    const ok = await test(projectId, await add("/works/v1", { apiKey: API_KEY }));
    expect(ok.statusCode, worker?.output()).toBe(200);
    expect(ok.json()).toEqual({
      ok: true,
      status: 200,
      latencyMs: expect.any(Number),
      model: "configured-model",
    });
    // The key set through the API reached the server, from the worker.
    expect(received.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);

    const cases: [string, Record<string, unknown>][] = [
      ["/fails-json/v1", { error: "server_error", status: 500 }],
      ["/fails-text/v1", { error: "server_error", status: 500 }],
      ["/not-a-model/v1", { error: "bad_response", status: null }],
    ];
    const responses = [ok];
    for (const [path, expected] of cases) {
      const res = await test(projectId, await add(path));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: false, ...expected });
      expect(Object.keys(res.json()).sort()).toEqual(["error", "latencyMs", "message", "ok", "status"]);
      responses.push(res);
    }
    for (const res of responses) expect(res.body).not.toContain(MARKER);

    // A row that bypasses the API is refused by the worker, which names the policy.
    const sneaky = await add("/works/v1");
    await h.db.pool.query("UPDATE generators SET base_url = 'http://127.0.0.1:9/v1' WHERE id = $1", [sneaky]);
    const refused = await test(projectId, sneaky);
    expect(refused.json()).toMatchObject({ ok: false, error: "egress_denied", status: null });
    expect(refused.json().message).toContain("GENERATOR_ALLOWED_HOSTS");

    // Nor does the worker's log carry the key, at trace level.
    expect(worker?.output()).not.toContain(API_KEY);
  });

  it("is documented exactly: the two shapes and nothing else", () => {
    const doc = h.app.swagger() as unknown as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>
      >;
    };
    const schema = doc.paths["/api/v1/projects/{id}/generators/{gid}/test"]!.post!.responses["200"]!.content[
      "application/json"
    ]!.schema as { oneOf?: { properties: object; additionalProperties?: boolean }[]; anyOf?: unknown[] };
    const shapes = (schema.oneOf ?? schema.anyOf) as { properties: object; additionalProperties?: boolean }[];
    expect(shapes.map((s) => Object.keys(s.properties).sort())).toEqual([
      ["latencyMs", "model", "ok", "status"],
      ["error", "latencyMs", "message", "ok", "status"],
    ]);
    for (const s of shapes) expect(s.additionalProperties).toBe(false);
  });
});
