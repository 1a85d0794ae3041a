import { createHash, randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { type TExportRequestInput, ZRawRow } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { type ExportWorker, exportWorker } from "./support/export-worker";
import { requestExport, waitForExport } from "./support/exports";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

const SECRET = "export-test-secret-0123456789";
process.env.REDIS_PREFIX = `test-export-${randomUUID().slice(0, 8)}`;

let h: Harness;
let worker: ExportWorker;
let researcher: TestUser;
let projectId: string;
/** Item ids in export order (by id), with their prompt. */
let items: { id: string; prompt: string }[];
const annotators: TestUser[] = [];

type Answer = { model: 0 | 1; strength: number } | "tie" | "both_bad";
// What each annotator answers for Prompt 0 and Prompt 1; the last two are suspended and
// quarantined after answering.
const ANSWERS: [Answer, Answer][] = [
  [
    { model: 0, strength: 4 },
    { model: 1, strength: 3 },
  ],
  [{ model: 0, strength: 2 }, "tie"],
  [{ model: 1, strength: 3 }, "both_bad"],
  [
    { model: 1, strength: 4 },
    { model: 0, strength: 4 },
  ],
  [
    { model: 1, strength: 4 },
    { model: 0, strength: 4 },
  ],
];

beforeAll(async () => {
  h = await createHarness({ ARBITER_SECRET: SECRET });
  researcher = await h.user("RESEARCHER");
  for (let i = 0; i < ANSWERS.length; i++) annotators.push(await h.user("ANNOTATOR"));
  const seeded = await seedProject(h, researcher, annotators, {
    items: 2,
    judgmentsPerItem: 5,
    questions: { strength: true, allowTie: true, allowBothBad: true },
  });
  projectId = seeded.projectId;
  for (const [i, annotator] of annotators.entries()) {
    for (let n = 0; n < 2; n++) {
      const { assignment } = await takeAssignment(h, annotator, projectId);
      const promptIndex = assignment!.prompt.text === "Prompt 0" ? 0 : 1;
      const answer = ANSWERS[i]![promptIndex]!;
      const body =
        typeof answer === "string"
          ? { choice: answer }
          : {
              choice: assignment!.options.find((o) => o.text.endsWith(`model-${answer.model}`))!.key,
              strength: answer.strength,
            };
      expect((await judge(h, annotator, assignment!.id, body)).statusCode).toBe(201);
    }
  }
  await h.db.pool.query("UPDATE users SET status = 'SUSPENDED' WHERE id = $1", [annotators[3]!.id]);
  await h.db.pool.query("UPDATE annotator_states SET status = 'QUARANTINED' WHERE user_id = $1", [
    annotators[4]!.id,
  ]);
  const rows = await h.db.pool.query<{ id: string; text: string }>(
    "SELECT i.id, p.text FROM items i JOIN prompts p ON p.id = i.prompt_id WHERE i.project_id = $1 ORDER BY i.id",
    [projectId],
  );
  items = rows.rows.map((r) => ({ id: r.id, prompt: r.text }));
  worker = exportWorker({ databaseUrl: h.db.url, redisPrefix: process.env.REDIS_PREFIX!, secret: SECRET });
  worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

async function startExport(body: object, project = projectId) {
  return (await requestExport(h, researcher, project, body)).id;
}

async function download(id: string, name: string, headers: Record<string, string> = {}) {
  return h.app.inject({
    method: "GET",
    url: `/api/v1/exports/${id}/files/${name}`,
    headers: { ...bearer(researcher), ...headers },
  });
}

/** Runs an export to the end and returns the text of each split file, by split. */
async function exportText(body: TExportRequestInput) {
  const id = await startExport(body);
  const done = await waitForExport(h, researcher, id);
  expect(done.status, done.error).toBe("SUCCEEDED");
  const texts: Record<string, string> = {};
  for (const file of done.files.filter((f: { split: string | null }) => f.split)) {
    const res = await download(id, file.name);
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers["content-length"])).toBe(file.bytes);
    expect(createHash("sha256").update(res.rawPayload).digest("hex")).toBe(file.sha256);
    texts[file.split] = (body.compress === false ? res.rawPayload : gunzipSync(res.rawPayload)).toString(
      "utf8",
    );
  }
  return { id, done, texts };
}

const jsonl = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join("");
const a = (p: number, m: number) => `answer ${p}.${m} from model-${m}`;

/** Lines for Prompt 0 and Prompt 1, put in the export's item order. */
function inItemOrder(byPrompt: Record<string, string[]>): string {
  return items.flatMap((i) => byPrompt[i.prompt] ?? []).join("");
}

describe("exports through the API and the worker", () => {
  it("trl, per judgment: exact rows; ties, both-bad, suspended and quarantined annotators left out", async () => {
    const { texts, done } = await exportText({ format: "trl" });
    const row = (p: number, chosen: number) =>
      jsonl([{ prompt: `Prompt ${p}`, chosen: a(p, chosen), rejected: a(p, 1 - chosen) }]);
    expect(texts.train).toBe(
      inItemOrder({ "Prompt 0": [row(0, 0), row(0, 0), row(0, 1)], "Prompt 1": [row(1, 1)] }),
    );
    expect(done.rowCount).toBe(4);
    expect(done.files.map((f: { name: string }) => f.name)).toEqual([
      "train.jsonl.gz",
      "README.md",
      "manifest.json",
    ]);
  });

  it("hh and openai-dpo give the same pairs in their own shapes", async () => {
    const hh = await exportText({ format: "hh", compress: false });
    const t = (p: number, m: number) => `\n\nHuman: Prompt ${p}\n\nAssistant: ${a(p, m)}`;
    const hhRow = (p: number, c: number) => jsonl([{ chosen: t(p, c), rejected: t(p, 1 - c) }]);
    expect(hh.texts.train).toBe(
      inItemOrder({ "Prompt 0": [hhRow(0, 0), hhRow(0, 0), hhRow(0, 1)], "Prompt 1": [hhRow(1, 1)] }),
    );
    const dpo = await exportText({ format: "openai-dpo" });
    const dpoRow = (p: number, c: number) =>
      jsonl([
        {
          input: { messages: [{ role: "user", content: `Prompt ${p}` }] },
          preferred_output: [{ role: "assistant", content: a(p, c) }],
          non_preferred_output: [{ role: "assistant", content: a(p, 1 - c) }],
        },
      ]);
    expect(dpo.texts.train).toBe(
      inItemOrder({ "Prompt 0": [dpoRow(0, 0), dpoRow(0, 0), dpoRow(0, 1)], "Prompt 1": [dpoRow(1, 1)] }),
    );
  });

  it("majority with extras: one row per item with a majority, margin and metadata", async () => {
    const { texts } = await exportText({
      format: "trl",
      aggregation: "majority",
      include: { margin: true, metadata: true },
    });
    const p0 = items.find((i) => i.prompt === "Prompt 0")!;
    expect(texts.train).toBe(
      jsonl([
        {
          prompt: "Prompt 0",
          chosen: a(0, 0),
          rejected: a(0, 1),
          margin: 0.6667,
          metadata: { item_id: p0.id, models: ["model-0", "model-1"], agreement: 0.6667, judgments: 3 },
        },
      ]),
    );
  });

  it("ranked keeps ties and both-bad when asked", async () => {
    const { texts } = await exportText({ format: "ranked", dropTies: false, dropBothBad: false });
    const r = (p: number, ranking: number[][]) =>
      jsonl([{ prompt: `Prompt ${p}`, completions: [a(p, 0), a(p, 1)], ranking }]);
    expect(texts.train).toBe(
      inItemOrder({
        "Prompt 0": [r(0, [[0], [1]]), r(0, [[0], [1]]), r(0, [[1], [0]])],
        "Prompt 1": [r(1, [[1], [0]]), r(1, [[0, 1]]), r(1, [[0, 1]])],
      }),
    );
  });

  it("raw: suspended and quarantined annotators only when asked, never an identity", async () => {
    const trusted = await exportText({ format: "raw" });
    const all = await exportText({ format: "raw", excludeQuarantined: false });
    const rows = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((l) => ZRawRow.parse(JSON.parse(l)));
    expect(rows(trusted.texts.train!)).toHaveLength(4);
    expect(rows(all.texts.train!)).toHaveLength(8);
    const pseudonyms = new Set(rows(all.texts.train!).map((r) => r.annotator));
    expect(pseudonyms.size).toBe(5);
    const kept = new Set(rows(trusted.texts.train!).map((r) => r.annotator));
    // The three trusted annotators stay; the suspended and the quarantined one are gone.
    expect(kept.size).toBe(3);
    for (const p of kept) expect(pseudonyms.has(p)).toBe(true);
    for (const user of annotators) {
      expect(all.texts.train).not.toContain(user.id);
      expect(all.texts.train).not.toContain(user.email);
    }
  });

  it("the same request twice gives byte-identical files; the manifest's checksums match", async () => {
    const body: TExportRequestInput = { format: "trl", splits: { train: 0.5, test: 0.5 }, seed: "s1" };
    const first = await exportText(body);
    const second = await exportText(body);
    expect(second.texts).toEqual(first.texts);
    const sums = (d: { files: { name: string; sha256: string }[] }) =>
      d.files.filter((f) => f.name !== "manifest.json").map((f) => [f.name, f.sha256]);
    expect(sums(second.done)).toEqual(sums(first.done));
    const manifest = (await download(first.id, "manifest.json")).json();
    expect(manifest.files.map((f: { name: string; sha256: string }) => [f.name, f.sha256])).toEqual(
      sums(first.done),
    );
    expect(manifest.rows.train + manifest.rows.test).toBe(4);
    expect(manifest.source.judgments).toBe(10);
    expect(manifest.source.excluded).toMatchObject({ annotator: 4, tie: 1, bothBad: 1 });
    // A prompt's rows are all in one split.
    for (const p of ["Prompt 0", "Prompt 1"]) {
      expect(Object.values(first.texts).filter((t) => t.includes(`"${p}"`))).toHaveLength(1);
    }
    const readme = (await download(first.id, "README.md")).body;
    expect(readme).toMatch(/^---\nconfigs:\n- config_name: default\n {2}data_files:\n {2}- split: test\n/);
  });

  it("an empty result is a valid empty export whose manifest says 0", async () => {
    const other = await seedProject(h, researcher, [], { items: 1 });
    const id = await startExport({ format: "trl" }, other.projectId);
    const done = await waitForExport(h, researcher, id);
    expect(done).toMatchObject({ status: "SUCCEEDED", rowCount: 0 });
    const data = await download(id, "train.jsonl.gz");
    expect(gunzipSync(data.rawPayload).length).toBe(0);
    expect((await download(id, "manifest.json")).json()).toMatchObject({
      rows: { train: 0 },
      source: { judgments: 0 },
    });
  });

  it("downloads resume with Range and are refused before the export is done", async () => {
    const { id, done } = await exportText({ format: "trl", compress: false });
    const full = await download(id, "train.jsonl");
    expect(full.headers["content-type"]).toMatch(/^application\/jsonl/);
    const part = await download(id, "train.jsonl", { range: "bytes=10-" });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 10-${done.files[0].bytes - 1}/${done.files[0].bytes}`);
    expect(part.rawPayload).toEqual(full.rawPayload.subarray(10));
    expect((await download(id, "train.jsonl", { range: "bytes=999999-" })).statusCode).toBe(416);
    expect((await download(id, "nope.jsonl")).statusCode).toBe(404);
    const queued = await h.db.prisma.export.create({
      data: { projectId, format: "trl", params: { format: "trl" }, createdById: researcher.id },
    });
    expect((await download(queued.id, "train.jsonl.gz")).json().error.code).toBe("export_not_ready");
  });

  it("bad parameters get a 400 naming the field; annotators get a 403", async () => {
    const bad = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/exports`,
      headers: bearer(researcher),
      payload: { format: "trl", splits: { train: 0.5 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/splits/);
    const forbidden = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/exports`,
      headers: bearer(annotators[0]!),
      payload: { format: "trl" },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
