import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_MEANINGS } from "../src/cli/exit-codes";
import { ADMIN, type CliHome, createCliHome, type RunningApi, startApi } from "./support";

// The CLI against the real API, command by command; generation and exports, which need a
// worker, are in cli-jobs.test.ts.

let api: RunningApi;
let adminKey: string;
let home: CliHome;

beforeAll(async () => {
  api = await startApi();
  adminKey = await api.createApiKey(ADMIN.email, ADMIN.password);
  home = await createCliHome();
});
afterAll(async () => {
  await api?.stop();
  await home?.remove();
});

const COMMANDS = [
  ["login"],
  ["logout"],
  ["projects", "list"],
  ["projects", "show"],
  ["projects", "create"],
  ["prompts", "import"],
  ["completions", "import"],
  ["generators", "add"],
  ["generators", "list"],
  ["generate"],
  ["items", "build"],
  ["status"],
  ["export"],
  ["push-to-hub"],
];

describe("help", () => {
  it("lists the exit codes, and every command has examples", async () => {
    const top = await home.run(["--help"]);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain("Exit codes:");
    expect(top.stdout).toMatch(/6 {2}an import refused some lines/);
    const helps = await Promise.all(COMMANDS.map((command) => home.run([...command, "--help"])));
    for (const [i, help] of helps.entries()) {
      expect(help.status, COMMANDS[i]!.join(" ")).toBe(0);
      const command = COMMANDS[i]!.join(" ");
      expect(help.stdout, command).toMatch(/\nExamples:\n/);
      expect(help.stdout, command).toContain(`$ arbiter ${command}`);
    }
  });

  it("the README's exit-code table is the CLI's", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const rows = readme
      .split("\n")
      .filter((line) => /^\|\s*\d\s*\|/.test(line))
      .map((line) =>
        line
          .split("|")
          .slice(1, 3)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(Object.entries(EXIT_MEANINGS));
  });

  it("a bad flag is a usage error (2)", async () => {
    const run = await home.run(["generate", "--samples", "many", "--project", "x", "--generators", "a"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--samples");
  });
});

describe("signing in", () => {
  it("refuses to work before login (3)", async () => {
    const run = await home.run(["projects", "list", "--json"]);
    expect(run.status).toBe(3);
    expect(run.json<{ error: { code: string } }>().error.code).toBe("not_signed_in");
  });

  it("refuses a key the API does not know (3) and stores nothing", async () => {
    const run = await home.run(["login", "--url", api.baseUrl], { stdin: "arb_not-a-key\n" });
    expect(run.status).toBe(3);
    await expect(stat(path.join(home.configDir, "config.json"))).rejects.toThrow();
  });

  it("checks the key read from stdin and stores it readable by its owner only", async () => {
    const run = await home.run(["login", "--url", `${api.baseUrl}/`, "--json"], { stdin: `${adminKey}\n` });
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ url: api.baseUrl, user: { email: ADMIN.email } });
    expect(run.stdout).not.toContain(adminKey);
    expect((await stat(path.join(home.configDir, "config.json"))).mode & 0o777).toBe(0o600);
    expect((await stat(home.configDir)).mode & 0o777).toBe(0o700);
  });

  it("ARBITER_URL and ARBITER_API_KEY work without a stored login", async () => {
    const other = await createCliHome({ ARBITER_URL: api.baseUrl, ARBITER_API_KEY: adminKey });
    try {
      const run = await other.run(["projects", "list", "--json"]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.json()).toHaveProperty("projects");
    } finally {
      await other.remove();
    }
  });
});

describe("projects, imports and generators", () => {
  let projectId: string;

  it("creates a project from a file, then lists and shows it by id and by name", async () => {
    const file = path.join(home.configDir, "..", "project.json");
    await writeFile(file, JSON.stringify({ name: "CLI project", taskType: "pairwise", judgmentsPerItem: 1 }));
    const created = await home.run(["projects", "create", "--from", file, "--json"]);
    expect(created.status, created.stderr).toBe(0);
    projectId = created.json<{ project: { id: string } }>().project.id;

    const list = await home.run(["projects", "list", "--json"]);
    expect(list.json<{ projects: { id: string }[] }>().projects.map((p) => p.id)).toContain(projectId);
    const byName = await home.run(["projects", "show", "CLI project", "--json"]);
    expect(byName.json<{ project: { id: string } }>().project.id).toBe(projectId);
    const human = await home.run(["projects", "show", projectId]);
    expect(human.stdout).toContain("CLI project");
    expect(human.stdout).toMatch(/prompts\s+0/);
  });

  it("says what is wrong: unknown project (4), a field the API refuses (2), an unreadable file (2)", async () => {
    const missing = await home.run(["projects", "show", "No such project"]);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('no project named "No such project"');
    const missingId = await home.run(["projects", "show", "00000000-0000-4000-8000-000000000000"]);
    expect(missingId.status).toBe(4);

    const file = path.join(home.configDir, "..", "typo.json");
    await writeFile(file, JSON.stringify({ name: "Typo", colour: "red" }));
    const typo = await home.run(["projects", "create", "--from", file, "--json"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("body.colour: is not a known field");
    expect(typo.json<{ error: { code: string; details: string[] } }>().error).toMatchObject({
      code: "validation_error",
      details: expect.arrayContaining(["body.colour: is not a known field"]),
    });
    const unreadable = await home.run(["projects", "create", "--from", "/nonexistent/project.json"]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain("ENOENT");
  });

  it("imports prompts: a refused line exits 6 with its reason and writes nothing; --partial keeps the rest", async () => {
    const file = path.join(home.configDir, "..", "prompts.jsonl");
    await writeFile(
      file,
      [
        '{"externalId": "p1", "text": "Why is the sky blue?"}',
        '{"txt": "typo"}',
        '{"externalId": "p2", "text": "What is entropy?"}',
      ].join("\n"),
    );
    const refused = await home.run(["prompts", "import", file, "--project", "CLI project"]);
    expect(refused.status).toBe(6);
    expect(refused.stderr).toMatch(/line 2: /);
    expect(refused.stdout).toContain("nothing written");

    const partial = await home.run([
      "prompts",
      "import",
      file,
      "--project",
      projectId,
      "--partial",
      "--json",
    ]);
    expect(partial.status).toBe(6);
    expect(partial.json()).toMatchObject({ imported: 2, rejected: 1, rejects: [{ line: 2 }] });

    const csv = path.join(home.configDir, "..", "more.csv");
    await writeFile(csv, 'externalId,text\np3,"Name three rivers."\n');
    const ok = await home.run(["prompts", "import", csv, "--project", projectId, "--json"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ imported: 1, rejected: 0 });
  });

  it("imports completions for prompts by their external id", async () => {
    const file = path.join(home.configDir, "..", "completions.jsonl");
    await writeFile(
      file,
      [
        { promptExternalId: "p1", model: "m-a", text: "Rayleigh scattering." },
        { promptExternalId: "p1", model: "m-b", text: "Because of the ocean." },
      ]
        .map((line) => JSON.stringify(line))
        .join("\n"),
    );
    const run = await home.run(["completions", "import", file, "--project", projectId, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ imported: 2 });
  });

  it("adds a generator with sampling parameters and lists it", async () => {
    const added = await home.run([
      "generators",
      "add",
      "--project",
      projectId,
      "--name",
      "local",
      "--base-url",
      "http://vllm.internal:8000/v1",
      "--model",
      "arbiter-small",
      "--temperature",
      "0.7",
      "--param",
      "top_k=40",
      "--stop",
      "END",
      "--json",
    ]);
    expect(added.status, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({
      generator: { name: "local", params: { temperature: 0.7, top_k: 40, stop: ["END"] } },
    });
    const list = await home.run(["generators", "list", "--project", projectId]);
    expect(list.stdout).toMatch(/local\s+arbiter-small at http:\/\/vllm.internal:8000\/v1/);

    const bad = await home.run([
      "generators",
      "add",
      ...["--project", projectId, "--name", "bad", "--base-url", "not a url", "--model", "m"],
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("body.baseUrl");
  });

  it("status shows the project's progress", async () => {
    const run = await home.run(["status", "--project", projectId, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({
      project: { id: projectId },
      progress: { prompts: 3, judgments: 0, completion: 0 },
      runs: [],
      exports: [],
    });
    const human = await home.run(["status", "--project", projectId]);
    expect(human.stdout).toContain("(0.0% complete)");
  });
});

describe("signing out", () => {
  it("logout forgets the key", async () => {
    const run = await home.run(["logout"]);
    expect(run.status).toBe(0);
    expect((await home.run(["projects", "list"])).status).toBe(3);
  });
});
