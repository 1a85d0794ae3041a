import { createHash } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { REPO_ROOT, runProcess, waitFor } from "@arbiter/testkit";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Arbiter, createArbiter, unwrap } from "../src";
import {
  answerEverything,
  type CliHome,
  createCliHome,
  type HubFake,
  type RunningStack,
  startHubFake,
  startStack,
} from "./support";

// A researcher's whole pipeline, from a fresh account to a dataset on the Hub, through the three
// ways in: the CLI for every step a script takes, simulated annotators through the API, and the
// Python client reading the exported rows. Webhook deliveries are checked with the Standard
// Webhooks reference library, not with Arbiter's own signer.

const RESEARCHER = { email: "researcher@pipeline.test", password: "a researcher's long passphrase" };
const ANNOTATORS = ["ana", "ben", "cai"].map((n) => ({
  email: `${n}@pipeline.test`,
  password: `${n} annotates with a long passphrase`,
}));
const PROJECT = "Pipeline project";
const HF_TOKEN = "hf_pipeline_token";
const EVENTS = ["generation_run.finished", "judgment.created", "project.completed", "export.succeeded"];

type Delivery = { headers: IncomingHttpHeaders; body: string };

let stack: RunningStack;
let hub: HubFake;
let home: CliHome;
let receiver: Server;
let admin: Arbiter;
let receiverUrl: string;
const deliveries: Delivery[] = [];
const work = (...parts: string[]) => path.join(home.configDir, "..", ...parts);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverHost = `127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  stack = await startStack({ allowHosts: [receiverHost] });
  hub = await startHubFake({ token: HF_TOKEN });
  home = await createCliHome();

  // What an admin does once: accounts, and a pool the researcher may attach.
  admin = createArbiter({ baseUrl: stack.api.baseUrl, apiKey: stack.adminKey });
  const { user: researcher } = unwrap(
    await admin.POST("/api/v1/users", { body: { ...RESEARCHER, name: "Researcher", role: "RESEARCHER" } }),
  );
  const annotatorIds: string[] = [];
  for (const a of ANNOTATORS)
    annotatorIds.push(
      unwrap(await admin.POST("/api/v1/users", { body: { ...a, name: a.email, role: "ANNOTATOR" } })).user.id,
    );
  const { pool } = unwrap(await admin.POST("/api/v1/pools", { body: { name: "Pipeline annotators" } }));
  unwrap(
    await admin.POST("/api/v1/pools/{id}/members", {
      params: { path: { id: pool.id } },
      body: { userIds: annotatorIds },
    }),
  );
  unwrap(
    await admin.PUT("/api/v1/pools/{id}/attachers", {
      params: { path: { id: pool.id } },
      body: { userIds: [researcher.id] },
    }),
  );
  await writeFile(
    work("project.json"),
    JSON.stringify({
      name: PROJECT,
      judgmentsPerItem: 2,
      poolIds: [pool.id],
      questions: { strength: false, rationale: "off" },
      // Scripted annotators answer at once; the export would leave them out as too fast.
      quality: { fastSeconds: 0 },
    }),
  );
  await writeFile(
    work("prompts.jsonl"),
    ["Why is the sky blue?", "What is entropy?", "Name a river.", "Explain tides.", "What is a prime?"]
      .map((text, i) => JSON.stringify({ externalId: `q${i}`, text }))
      .join("\n"),
  );
  receiverUrl = `http://${receiverHost}/hooks`;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await hub?.stop();
  await home?.remove();
  receiver?.close();
});

/** Runs the CLI and expects exit 0, showing its output otherwise. */
async function cli(args: string[], options: Parameters<CliHome["run"]>[1] = {}) {
  const run = await home.run(args, options);
  expect(run.status, `arbiter ${args.join(" ")}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

it("goes from a key to a dataset on the Hub: CLI, annotators, Python client, signed webhooks", async () => {
  // Sign in with a key the researcher made; it is stored for the user alone.
  const key = await stack.api.createApiKey(RESEARCHER.email, RESEARCHER.password, "pipeline");
  await cli(["login", "--url", stack.api.baseUrl], { stdin: `${key}\n` });
  expect((await stat(path.join(home.configDir, "config.json"))).mode & 0o777).toBe(0o600);
  const researcher = createArbiter({ baseUrl: stack.api.baseUrl, apiKey: key });

  const projectId = (await cli(["projects", "create", "--from", work("project.json"), "--json"])).json<{
    project: { id: string };
  }>().project.id;
  const { secret } = unwrap(
    await researcher.POST("/api/v1/projects/{id}/webhooks", {
      params: { path: { id: projectId } },
      body: { url: receiverUrl, events: EVENTS as never },
    }),
  );

  await cli(["prompts", "import", work("prompts.jsonl"), "--project", PROJECT]);
  for (const model of ["arbiter-small", "arbiter-large"])
    await cli([
      ...["generators", "add", "--project", PROJECT, "--name", model, "--base-url", stack.modelServerUrl],
      ...["--model", model, "--max-tokens", "24"],
    ]);

  // Generation with its progress, as NDJSON events.
  const generated = await cli([
    ...["generate", "--project", PROJECT, "--generators", "arbiter-small,arbiter-large"],
    ...["--samples", "1", "--wait", "--json"],
  ]);
  const events = generated.events();
  expect(events[0]).toMatchObject({ event: "started", run: { total: 10 } });
  expect(events.some((e) => e.event === "progress")).toBe(true);
  expect(events.at(-1)).toMatchObject({ event: "done", run: { status: "SUCCEEDED", done: 10, total: 10 } });

  const built = await cli(["items", "build", "--project", PROJECT, "--json"]);
  expect(built.json()).toMatchObject({ created: 5 });

  // Three annotators, two answers per item: each takes items until none is left for them (the
  // third finds every item complete).
  for (const a of ANNOTATORS) await answerEverything(stack.api, a, projectId);
  const status = (await cli(["status", "--project", PROJECT, "--json"])).json();
  expect(status).toMatchObject({ progress: { judgments: 10, items: { total: 5, complete: 5 } } });

  // The export, downloaded and checked against its manifest by the CLI.
  const out = work("dataset");
  const exported = await cli([
    ...["export", "--project", PROJECT, "--format", "trl", "--split", "train=0.6,test=0.4"],
    ...["--wait", "--out", out, "--json"],
  ]);
  const done = exported.events().at(-1) as { event: string; export: { id: string; status: string } };
  expect(done).toMatchObject({ event: "done", export: { status: "SUCCEEDED" } });
  const exportId = done.export.id;
  const manifestBytes = await readFile(path.join(out, "manifest.json"));
  const manifest = JSON.parse(manifestBytes.toString()) as {
    files: { name: string; split: string | null; rows: number; sha256: string }[];
  };
  for (const f of manifest.files)
    expect(sha256(await readFile(path.join(out, f.name))), f.name).toBe(f.sha256);

  // The Python client reads the same rows as the files the CLI downloaded.
  for (const f of manifest.files.filter((x) => x.split)) {
    const fromCli = gunzipSync(await readFile(path.join(out, f.name)))
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const python = await runProcess(
      "python3",
      ["-m", "arbiter", "--url", stack.api.baseUrl, "rows", "--export", exportId, "--split", f.split!],
      {
        env: { PYTHONPATH: path.join(REPO_ROOT, "clients/python/src"), ARBITER_API_KEY: key },
        timeoutMs: 60_000,
      },
    );
    expect(python.status, python.stderr).toBe(0);
    const fromPython = python.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(fromPython).toEqual(fromCli);
    expect(fromPython).toHaveLength(f.rows);
    expect(fromPython[0]).toEqual(
      expect.objectContaining({
        prompt: expect.anything(),
        chosen: expect.anything(),
        rejected: expect.anything(),
      }),
    );
  }

  // One commit on the Hub: the split files, the card and the manifest, as the export made them.
  const pushed = await cli(
    ["push-to-hub", "--repo", "lab/pipeline-prefs", "--export", exportId, "--endpoint", hub.url, "--json"],
    { env: { HF_TOKEN } },
  );
  expect(pushed.json()).toMatchObject({ repo: "lab/pipeline-prefs", visibility: "private" });
  const repo = hub.repos.get("lab/pipeline-prefs")!;
  expect(repo.commits).toHaveLength(1);
  const files = repo.commits[0]!.files;
  expect(files.map((f) => f.path).sort()).toEqual(
    [...manifest.files.map((f) => f.name), "manifest.json"].sort(),
  );
  for (const f of manifest.files)
    expect(sha256(files.find((p) => p.path === f.name)!.content)).toBe(f.sha256);
  expect(files.find((p) => p.path === "manifest.json")!.content).toEqual(manifestBytes);
  expect(hub.unknown).toEqual([]);

  // Every delivery carries a valid signature, by the Standard Webhooks reference implementation.
  await waitFor(
    () =>
      EVENTS.every((type) => deliveries.some((d) => (JSON.parse(d.body) as { type: string }).type === type)),
    { what: `deliveries of ${EVENTS.join(", ")}`, timeoutMs: 60_000 },
  );
  const verifier = new Webhook(secret);
  for (const d of deliveries) {
    const payload = verifier.verify(d.body, {
      "webhook-id": String(d.headers["webhook-id"]),
      "webhook-timestamp": String(d.headers["webhook-timestamp"]),
      "webhook-signature": String(d.headers["webhook-signature"]),
    }) as { type: string; data: Record<string, unknown> };
    expect(EVENTS).toContain(payload.type);
  }
  const judged = deliveries
    .map((d) => JSON.parse(d.body) as { type: string; data: { judgments?: unknown[] } })
    .filter((e) => e.type === "judgment.created")
    .flatMap((e) => e.data.judgments ?? []);
  expect(judged).toHaveLength(10);
  // A tampered body fails the same check.
  const first = deliveries[0]!;
  expect(() =>
    verifier.verify(first.body.replace("}", ',"x":1}'), {
      "webhook-id": String(first.headers["webhook-id"]),
      "webhook-timestamp": String(first.headers["webhook-timestamp"]),
      "webhook-signature": String(first.headers["webhook-signature"]),
    }),
  ).toThrow();
}, 300_000);
