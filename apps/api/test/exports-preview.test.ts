import { randomUUID } from "node:crypto";
import { type TExportPreview, type TExportRequestInput, ZExportRequest, ZRawRow } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewExport } from "../src/features/exports/preview";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { type ExportWorker, exportWorker } from "./support/export-worker";
import { requestExport, waitForExport } from "./support/exports";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

const SECRET = "export-preview-secret-0123456789";
process.env.REDIS_PREFIX = `test-export-preview-${randomUUID().slice(0, 8)}`;

let h: Harness;
let worker: ExportWorker;
let researcher: TestUser;
let projectId: string;
const annotators: TestUser[] = [];

// Three annotators answer each of eight prompts: mostly preferences, some ties and both-bad.
const CHOICES = ["A", "B", "tie", "A", "both_bad", "B", "A", "A"];

beforeAll(async () => {
  h = await createHarness({ ARBITER_SECRET: SECRET });
  researcher = await h.user("RESEARCHER");
  for (let i = 0; i < 3; i++) annotators.push(await h.user("ANNOTATOR"));
  const seeded = await seedProject(h, researcher, annotators, {
    items: 8,
    judgmentsPerItem: 3,
    questions: { strength: true, allowTie: true, allowBothBad: true },
  });
  projectId = seeded.projectId;
  for (const [a, annotator] of annotators.entries()) {
    for (let n = 0; n < 8; n++) {
      const { assignment } = await takeAssignment(h, annotator, projectId);
      const choice = CHOICES[(n + a) % CHOICES.length]!;
      const body = choice === "A" || choice === "B" ? { choice, strength: 1 + ((n + a) % 4) } : { choice };
      expect((await judge(h, annotator, assignment!.id, body)).statusCode).toBe(201);
    }
  }
  worker = exportWorker({ databaseUrl: h.db.url, redisPrefix: process.env.REDIS_PREFIX!, secret: SECRET });
  worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

async function preview(body: object, user = researcher, project = projectId) {
  return h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${project}/exports/preview`,
    headers: bearer(user),
    payload: body,
  });
}

async function runExport(body: TExportRequestInput) {
  const { id } = await requestExport(h, researcher, projectId, body);
  const e = await waitForExport(h, researcher, id);
  if (e.status === "FAILED") throw new Error(e.error);
  return { id, files: e.files as { name: string; split: string | null }[] };
}

async function fileText(id: string, name: string) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/v1/exports/${id}/files/${name}`,
    headers: bearer(researcher),
  });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe("export preview", () => {
  it.each<TExportRequestInput>([
    {
      format: "trl",
      splits: { train: 0.5, test: 0.5 },
      seed: "preview",
      include: { margin: true, groupId: true, metadata: true },
    },
    { format: "hh", aggregation: "majority" },
    { format: "ranked", dropTies: false, dropBothBad: false, splits: { a: 0.3, b: 0.7 } },
    { format: "raw", excludeQuarantined: false },
    {
      format: "kto",
      aggregation: "dawid-skene",
      dropBothBad: false,
      minConfidence: 0.6,
      include: { confidence: true, groupId: true },
    },
  ])("gives the first rows of the files and their counts: %j", async (body) => {
    const res = await preview(body);
    expect(res.statusCode, res.body).toBe(200);
    const p: TExportPreview = res.json().preview;
    const { id, files } = await runExport({ ...body, compress: false });
    const manifest = JSON.parse(await fileText(id, "manifest.json"));

    expect(p.scanned).toEqual({ items: 8, complete: true });
    expect(p.exact).toEqual({
      rows: manifest.rows,
      total: Object.values(manifest.rows as Record<string, number>).reduce((a, b) => a + b, 0),
      usedJudgments: manifest.source.used,
      excluded: manifest.source.excluded,
      excludedItems: manifest.source.excluded_items,
    });
    expect(p.source).toMatchObject({ items: 8, judgments: manifest.source.judgments });
    expect(p.rows.length).toBe(Math.min(5, p.exact!.total));
    // Per split, the preview's lines are the first lines of that split's file, byte for byte.
    for (const file of files.filter((f) => f.split)) {
      const lines = (await fileText(id, file.name)).split("\n").filter(Boolean);
      const shown = p.rows.filter((r) => r.split === file.split).map((r) => r.line);
      expect(lines.slice(0, shown.length)).toEqual(shown);
    }
  });

  it("counts the judgments that pass the per-judgment filters", async () => {
    const p: TExportPreview = (await preview({ format: "trl" })).json().preview;
    // 24 judgments: 3 ties and 3 both-bad are dropped by default.
    expect(p.source).toEqual({ items: 8, judgments: 24, matchingJudgments: 18, supersededJudgments: 0 });
    // Per judgment and without per-item rules, every matching judgment is a row.
    expect(p.exact?.usedJudgments).toBe(18);
    const strong: TExportPreview = (await preview({ format: "trl", minStrength: 3 })).json().preview;
    expect(strong.source.matchingJudgments).toBe(strong.exact?.usedJudgments);
    expect(strong.source.matchingJudgments).toBeLessThan(18);
    const ranked: TExportPreview = (await preview({ format: "ranked", dropTies: false })).json().preview;
    expect(ranked.source.matchingJudgments).toBe(21);
  });

  it("says why judgments and items give no rows: superseded, unjudged, too few judgments", async () => {
    const [first, second] = annotators;
    const small = await seedProject(h, researcher, [first!, second!], { items: 3, judgmentsPerItem: 2 });
    for (const annotator of [first!, second!]) {
      for (;;) {
        const { assignment } = await takeAssignment(h, annotator, small.projectId);
        if (!assignment) break;
        expect((await judge(h, annotator, assignment.id, { choice: "A" })).statusCode).toBe(201);
      }
    }
    // Both answers to one item undone, and one answer to another.
    const { rows } = await h.db.pool.query<{ id: string; item_id: string }>(
      "SELECT id, item_id FROM judgments WHERE project_id = $1 ORDER BY item_id, created_at",
      [small.projectId],
    );
    expect(rows).toHaveLength(6);
    await h.db.pool.query("UPDATE judgments SET superseded_at = now() WHERE id = ANY($1)", [
      [rows[0]!.id, rows[1]!.id, rows[2]!.id],
    ]);
    const res = await preview({ format: "trl", minJudgments: 2 }, researcher, small.projectId);
    expect(res.statusCode, res.body).toBe(200);
    const p: TExportPreview = res.json().preview;
    expect(p.source).toEqual({ items: 3, judgments: 3, matchingJudgments: 3, supersededJudgments: 3 });
    expect(p.exact?.total).toBe(2);
    expect(p.exact?.excluded.minJudgments).toBe(1);
    expect(p.exact?.excludedItems).toEqual({
      retired: 0,
      unjudged: 1,
      gold: 0,
      minJudgments: 1,
      minAgreement: 0,
      noMajority: 0,
      lowConfidence: 0,
    });
    const none: TExportPreview = (
      await preview({ format: "trl", minJudgments: 3 }, researcher, small.projectId)
    ).json().preview;
    expect(none.exact?.total).toBe(0);
    expect(none.exact?.excludedItems.minJudgments).toBe(2);
    expect(none.exact?.excluded.minJudgments).toBe(3);
  });

  it("shows raw rows with pseudonyms only", async () => {
    const p: TExportPreview = (await preview({ format: "raw" })).json().preview;
    expect(p.rows).toHaveLength(5);
    for (const { line } of p.rows) {
      ZRawRow.parse(JSON.parse(line));
      for (const user of annotators) {
        expect(line).not.toContain(user.id);
        expect(line).not.toContain(user.email);
      }
    }
  });

  it("on a large project reads only the first items and leaves row totals to the run", async () => {
    const req = ZExportRequest.parse({ format: "trl" });
    const p = await previewExport(h.app.db, h.app.config.ARBITER_SECRET, projectId, req, {
      rows: 2,
      items: 3,
    });
    expect(p.rows).toHaveLength(2);
    expect(p.scanned.complete).toBe(false);
    expect(p.scanned.items).toBeLessThanOrEqual(3);
    expect(p.exact).toBeNull();
    expect(p.source).toEqual({ items: 8, judgments: 24, matchingJudgments: 18, supersededJudgments: 0 });
    const full = (await preview({ format: "trl" })).json().preview as TExportPreview;
    expect(p.rows).toEqual(full.rows.slice(0, 2));
  });

  it("refuses bad parameters naming the field, unknown projects and annotators", async () => {
    const bad = await preview({ format: "trl", dropTies: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: "body.dropTies" })]);
    const split = await preview({ format: "trl", splits: { train: 0.5 } });
    expect(split.statusCode).toBe(400);
    expect(split.json().error.message).toMatch(/splits/);
    const name = await preview({ format: "trl", splits: { Train: 1 } });
    expect(name.json().error.details).toEqual([
      { path: "body.splits.Train", message: "must be lower-case, up to 32 characters" },
    ]);
    expect((await preview({ format: "trl" }, researcher, randomUUID())).statusCode).toBe(404);
    expect((await preview({ format: "trl" }, annotators[0]!)).statusCode).toBe(403);
  });
});
