import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { runProcess, waitFor } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Arbiter, createArbiter, unwrap } from "../src";
import { downloadExport, MANIFEST } from "../src/cli/export-files";
import {
  answerEverything,
  CLI_BIN,
  type CliHome,
  createCliHome,
  type RunningStack,
  startHubFake,
  startStack,
} from "./support";

// The CLI's long operations against the real pipeline: API, worker and model server as processes.

let stack: RunningStack;
let home: CliHome;
let admin: Arbiter;
let projectId: string;
const PROJECT = "Jobs project";
const ANNOTATOR = { email: "annotator@cli.test", password: "another horse battery staple" };
const CSI = "\u001b[";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const work = (...parts: string[]) => path.join(home.configDir, "..", ...parts);

/** Holds the worker still (SIGSTOP), so that a job stays QUEUED for as long as a test needs. */
const freezeWorker = () => process.kill(-stack.worker.pid, "SIGSTOP");
const thawWorker = () => process.kill(-stack.worker.pid, "SIGCONT");

beforeAll(async () => {
  stack = await startStack();
  home = await createCliHome({ ARBITER_URL: stack.api.baseUrl, ARBITER_API_KEY: stack.adminKey });
  admin = createArbiter({ baseUrl: stack.api.baseUrl, apiKey: stack.adminKey });
  const { user } = unwrap(
    await admin.POST("/api/v1/users", { body: { ...ANNOTATOR, name: "Annotator", role: "ANNOTATOR" } }),
  );
  const { pool } = unwrap(await admin.POST("/api/v1/pools", { body: { name: "CLI pool" } }));
  unwrap(
    await admin.POST("/api/v1/pools/{id}/members", {
      params: { path: { id: pool.id } },
      body: { userIds: [user.id] },
    }),
  );

  await mkdir(work(), { recursive: true });
  await writeFile(
    work("project.json"),
    JSON.stringify({
      name: PROJECT,
      judgmentsPerItem: 1,
      poolIds: [pool.id],
      questions: { strength: false, rationale: "off" },
      // Scripted answers come fast; the export would leave them out as too fast otherwise.
      quality: { fastSeconds: 0 },
    }),
  );
  const created = await home.run(["projects", "create", "--from", work("project.json"), "--json"]);
  expect(created.status, created.stderr).toBe(0);
  projectId = created.json<{ project: { id: string } }>().project.id;
  await writeFile(
    work("prompts.jsonl"),
    ["Why is the sky blue?", "What is entropy?", "Name a river.", "Explain tides."]
      .map((text, i) => JSON.stringify({ externalId: `q${i}`, text }))
      .join("\n"),
  );
  expect((await home.run(["prompts", "import", work("prompts.jsonl"), "--project", PROJECT])).status).toBe(0);
  for (const model of ["arbiter-small", "arbiter-large"]) {
    const added = await home.run([
      ...["generators", "add", "--project", PROJECT, "--name", model, "--base-url", stack.modelServerUrl],
      ...["--model", model, "--max-tokens", "24", "--concurrency", "2"],
    ]);
    expect(added.status, added.stderr).toBe(0);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await home?.remove();
});

const GENERATE = ["generate", "--project", PROJECT, "--generators", "arbiter-small,arbiter-large"];

describe("generate", () => {
  it("--wait --json streams progress events and ends SUCCEEDED", async () => {
    const run = await home.run([...GENERATE, "--samples", "1", "--wait", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const events = run.events();
    expect(events[0]).toMatchObject({ event: "started", joined: false, run: { total: 8 } });
    expect(events.filter((e) => e.event === "progress").length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ event: "done", run: { status: "SUCCEEDED", done: 8, total: 8 } });
    expect(run.stderr).toBe("");
  });

  it("run again after being killed mid-wait, it joins the same run instead of starting another", async () => {
    freezeWorker();
    let runId: string | undefined;
    try {
      const first = home.spawn([...GENERATE, "--samples", "2", "--wait", "--json"]);
      await waitFor(() => first.stdout().includes('"event":"progress"'), {
        what: "a progress event",
        process: first,
      });
      runId = (JSON.parse(first.stdout().split("\n")[0]!) as { run: { id: string } }).run.id;
      await first.kill("SIGKILL");
    } finally {
      thawWorker();
    }
    const again = await home.run([...GENERATE, "--samples", "2", "--wait", "--json"]);
    expect(again.status, again.stderr).toBe(0);
    const events = again.events();
    expect(events[0]).toMatchObject({ event: "started", joined: true, run: { id: runId } });
    expect(events.at(-1)).toMatchObject({
      event: "done",
      run: { id: runId, status: "SUCCEEDED", total: 16 },
    });
    const { runs } = unwrap(
      await admin.GET("/api/v1/projects/{id}/generation-runs", { params: { path: { id: projectId } } }),
    );
    expect(runs).toHaveLength(2);
    // Seen to the end: nothing is left to join.
    expect(JSON.parse(await readFile(path.join(home.configDir, "jobs.json"), "utf8"))).toEqual({});
  });

  it("draws a live progress bar when stderr is a terminal", async () => {
    const command = [process.execPath, CLI_BIN, ...GENERATE, "--samples", "1", "--wait"]
      .map((arg) => `'${arg}'`)
      .join(" ");
    // `script` gives the CLI a pseudo-terminal and copies what it draws to our stdout.
    const tty = await runProcess("script", ["-qec", command, "/dev/null"], {
      env: home.env,
      timeoutMs: 120_000,
    });
    expect(tty.status, tty.output).toBe(0);
    expect(tty.stdout).toMatch(/generation \[[█░]+\] 100% \| 8\/8 done, 0 failed \(SUCCEEDED\)/);
    // Redrawn in place with terminal control sequences, not printed line after line.
    expect(tty.stdout).toContain(CSI);
  });

  it("without a terminal prints plain progress lines", async () => {
    const run = await home.run([...GENERATE, "--samples", "1", "--wait", "--new"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^generation: \d+\/8 done/m);
    expect(run.stderr).not.toContain(CSI);
    expect(run.stdout).toMatch(/run \S+ SUCCEEDED: 8\/8 done, 0 failed/);
  });

  it("a run that ends FAILED exits 5 and prints its errors", async () => {
    const added = await home.run([
      ...["generators", "add", "--project", PROJECT, "--name", "unknown-model"],
      ...["--base-url", stack.modelServerUrl, "--model", "no-such-model"],
    ]);
    expect(added.status, added.stderr).toBe(0);
    const run = await home.run(["generate", "--project", PROJECT, "--generators", "unknown-model", "--wait"]);
    expect(run.status, run.stderr).toBe(5);
    expect(run.stdout).toMatch(/run \S+ FAILED: 0\/4 done, 4 failed/);
    expect(run.stderr).toMatch(/^ {2}\S.*$/m);
  });
});

describe("items, judgments and status", () => {
  it("builds items, and status follows the judgments", async () => {
    const built = await home.run(["items", "build", "--project", PROJECT, "--max-per-prompt", "1", "--json"]);
    expect(built.status, built.stderr).toBe(0);
    expect(built.json()).toMatchObject({ created: 4, prompts: 4 });

    expect(await answerEverything(stack.api, ANNOTATOR, projectId)).toBe(4);

    const status = await home.run(["status", "--project", PROJECT, "--json"]);
    expect(status.status, status.stderr).toBe(0);
    expect(status.json()).toMatchObject({
      progress: { prompts: 4, judgments: 4, completion: 1, items: { total: 4, complete: 4 } },
      runs: expect.arrayContaining([expect.objectContaining({ status: "SUCCEEDED" })]),
    });
  });
});

const EXPORT = ["export", "--project", PROJECT, "--format", "trl", "--split", "train=0.5,test=0.5"];

describe("export", () => {
  it("--out downloads every file and checks it against the manifest", async () => {
    const out = work("data");
    const run = await home.run([...EXPORT, "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^export: /m);
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), "utf8")) as {
      files: { name: string; sha256: string; rows: number }[];
    };
    expect(manifest.files.map((f) => f.name).sort()).toEqual([
      "README.md",
      "test.jsonl.gz",
      "train.jsonl.gz",
    ]);
    expect(manifest.files.reduce((s, f) => s + f.rows, 0)).toBe(4);
    for (const f of manifest.files) expect(sha256(await readFile(path.join(out, f.name)))).toBe(f.sha256);
    expect((await readdir(out)).sort()).toEqual(["README.md", MANIFEST, "test.jsonl.gz", "train.jsonl.gz"]);
    expect(run.stdout).toMatch(/train\.jsonl\.gz\s+[\d.]+ kB\s+sha256 ok, downloaded/);
  });

  it("run again over a corrupted file: exit 5 naming it, the file left as it is", async () => {
    const out = work("data");
    const corrupted = Buffer.from("not what the export wrote");
    await writeFile(path.join(out, "train.jsonl.gz"), corrupted);
    const run = await home.run([...EXPORT, "--out", out, "--json"]);
    expect(run.status).toBe(5);
    expect(run.stderr).toContain("train.jsonl.gz: sha256");
    expect(run.events().at(-1)).toMatchObject({ error: { code: "checksum_mismatch", exitCode: 5 } });
    expect(await readFile(path.join(out, "train.jsonl.gz"))).toEqual(corrupted);
  });

  it("run again after being killed mid-wait, it joins the same export and downloads it", async () => {
    const out = work("joined");
    freezeWorker();
    let exportId: string | undefined;
    try {
      const first = home.spawn([...EXPORT, "--with", "margin", "--out", out, "--json"]);
      await waitFor(() => first.stdout().includes('"event":"progress"'), {
        what: "a progress event",
        process: first,
      });
      exportId = (JSON.parse(first.stdout().split("\n")[0]!) as { export: { id: string } }).export.id;
      await first.kill("SIGKILL");
    } finally {
      thawWorker();
    }
    const again = await home.run([...EXPORT, "--with", "margin", "--out", out, "--json"]);
    expect(again.status, again.stderr).toBe(0);
    const events = again.events();
    expect(events[0]).toMatchObject({ event: "started", joined: true, export: { id: exportId } });
    expect(events.some((e) => e.event === "progress" && e.phase === "download")).toBe(true);
    expect(events.at(-1)).toMatchObject({
      event: "done",
      export: { id: exportId, status: "SUCCEEDED", params: { include: { margin: true } } },
      files: expect.arrayContaining([expect.objectContaining({ name: "README.md", status: "downloaded" })]),
    });
  });

  it("continues a partial download with a Range request", async () => {
    const { export: started } = unwrap(
      await admin.POST("/api/v1/projects/{id}/exports", {
        params: { path: { id: projectId } },
        body: { format: "hh", compress: false },
      }),
    );
    const done = await admin.waitForExport(started.id, { intervalMs: 200 });
    const data = done.files.find((f) => f.split === "train")!;
    const whole = await (
      await fetch(`${stack.api.baseUrl}/api/v1/exports/${done.id}/files/${data.name}`, {
        headers: { authorization: `Bearer ${stack.adminKey}` },
      })
    ).arrayBuffer();
    const out = work("partial");
    await mkdir(out, { recursive: true });
    const half = Math.floor(whole.byteLength / 2);
    await writeFile(path.join(out, `.${data.name}.${done.id}.part`), Buffer.from(whole).subarray(0, half));

    const ranges: (string | null)[] = [];
    const watched = createArbiter({
      baseUrl: stack.api.baseUrl,
      apiKey: stack.adminKey,
      fetch: (request) => {
        if (request.url.endsWith(`/files/${data.name}`)) ranges.push(request.headers.get("range"));
        return fetch(request);
      },
    });
    const { files } = await downloadExport(watched, done, out);
    expect(ranges).toEqual([`bytes=${half}-`]);
    expect(files.find((f) => f.name === data.name)).toMatchObject({ status: "resumed", sha256: data.sha256 });
    expect(sha256(await readFile(path.join(out, data.name)))).toBe(data.sha256);
  });
});

describe("push-to-hub", () => {
  const TOKEN = "hf_cli_test_token";

  it("pushes the split files, the card and the manifest in one commit to a new private repository", async () => {
    const hub = await startHubFake({ token: TOKEN });
    try {
      const dir = work("data");
      await writeFile(path.join(dir, "train.jsonl.gz"), Buffer.alloc(0));
      // The corrupted file of an earlier test: refused before anything is sent.
      const refused = await home.run(
        ["push-to-hub", "--repo", "lab/prefs", "--dir", dir, "--endpoint", hub.url],
        {
          env: { HF_TOKEN: TOKEN },
        },
      );
      expect(refused.status).toBe(5);
      expect(hub.requests).toEqual([]);

      const fresh = work("fresh");
      expect((await home.run([...EXPORT, "--out", fresh])).status).toBe(0);
      const run = await home.run(["push-to-hub", "--repo", "lab/prefs", "--dir", fresh, "--json"], {
        env: { HF_TOKEN: TOKEN, HF_ENDPOINT: hub.url },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.json()).toMatchObject({
        repo: "lab/prefs",
        created: true,
        visibility: "private",
        tokenSource: "HF_TOKEN",
      });

      const repo = hub.repos.get("lab/prefs")!;
      expect(repo).toMatchObject({ type: "dataset", visibility: "private" });
      expect(repo.commits).toHaveLength(1);
      const pushed = repo.commits[0]!.files;
      const manifestText = await readFile(path.join(fresh, MANIFEST));
      const manifest = JSON.parse(manifestText.toString()) as { files: { name: string; sha256: string }[] };
      expect(pushed.map((f) => f.path).sort()).toEqual([
        "README.md",
        MANIFEST,
        "test.jsonl.gz",
        "train.jsonl.gz",
      ]);
      for (const f of manifest.files)
        expect(sha256(pushed.find((p) => p.path === f.name)!.content)).toBe(f.sha256);
      expect(pushed.find((p) => p.path === MANIFEST)!.content).toEqual(manifestText);
      expect(pushed.find((p) => p.path === "README.md")!.content.toString()).toMatch(/^---\nconfigs:\n/);
      // The data files went through LFS, the small text files inline.
      expect(
        pushed
          .filter((f) => f.lfs)
          .map((f) => f.path)
          .sort(),
      ).toEqual(["test.jsonl.gz", "train.jsonl.gz"]);
      expect(hub.unknown).toEqual([]);
      for (const r of hub.requests.filter((r) => !r.path.startsWith("/lfs-upload/")))
        expect(r.authorization, `${r.method} ${r.path}`).toBe(`Bearer ${TOKEN}`);
    } finally {
      await hub.stop();
    }
  });

  it("pushes an export by id, public, with the token the Hugging Face CLI or `arbiter login` stored", async () => {
    const hub = await startHubFake({ token: TOKEN });
    try {
      const { exports } = unwrap(
        await admin.GET("/api/v1/projects/{id}/exports", { params: { path: { id: projectId } } }),
      );
      const exportId = exports.find((e) => e.status === "SUCCEEDED")!.id;
      await mkdir(home.env.HF_HOME!, { recursive: true });
      await writeFile(path.join(home.env.HF_HOME!, "token"), `${TOKEN}\n`);
      const pushed = await home.run([
        "push-to-hub",
        "--repo",
        "lab/public",
        "--export",
        exportId,
        "--public",
        "--endpoint",
        hub.url,
        "--json",
      ]);
      expect(pushed.status, pushed.stderr).toBe(0);
      expect(pushed.json()).toMatchObject({ created: true, visibility: "public" });
      expect(hub.repos.get("lab/public")).toMatchObject({
        visibility: "public",
        commits: [expect.anything()],
      });

      // An existing repository gets a second commit and is not created again.
      const login = await home.run(["login", "--hf-token"], { stdin: `${TOKEN}\n` });
      expect(login.status, login.stderr).toBe(0);
      const again = await home.run(
        ["push-to-hub", "--repo", "lab/public", "--export", exportId, "--endpoint", hub.url, "--json"],
        { env: { HF_HOME: work("no-hf-home") } },
      );
      expect(again.status, again.stderr).toBe(0);
      expect(again.json()).toMatchObject({ created: false, tokenSource: "arbiter login --hf-token" });
      expect(hub.repos.get("lab/public")!.commits).toHaveLength(2);
      expect(hub.requests.filter((r) => r.path === "/api/repos/create")).toHaveLength(1);

      const refused = await home.run(
        [
          "push-to-hub",
          "--repo",
          "lab/public",
          "--export",
          exportId,
          "--endpoint",
          hub.url,
          "--token-env",
          "WRONG",
        ],
        { env: { WRONG: "hf_wrong" } },
      );
      expect(refused.status).toBe(3);
    } finally {
      await hub.stop();
    }
  });
});
