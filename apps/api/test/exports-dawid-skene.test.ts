import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { aggregatePairwise, type TPairwiseClass } from "@arbiter/aggregation";
import { type TExportRequestInput, ZKtoTextRow, ZTrlTextRow } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { type ExportWorker, exportWorker } from "./support/export-worker";
import { requestExport, waitForExport } from "./support/exports";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

const SECRET = "export-ds-test-secret-0123456789";
process.env.REDIS_PREFIX = `test-export-ds-${randomUUID().slice(0, 8)}`;

// Enough items that the fit learns who errs whatever orders the items were shown in: with
// 12, the contested item came out wrong in about one shuffle of eight.
const ITEMS = 24;
/** Every annotator calls both completions of this prompt bad. */
const BOTH_BAD = `Prompt ${ITEMS - 1}`;
/** Careful annotator "slip" errs here, so two of three votes are wrong. */
const CONTESTED = "Prompt 0";

let h: Harness;
let worker: ExportWorker;
let researcher: TestUser;
let projectId: string;
const crowd: Record<"careful" | "slip" | "adversary", TestUser> = {} as never;

/** The better model of prompt i is model-(i mod 2); what each annotator says about it. */
function answerOf(who: keyof typeof crowd, prompt: string): number | "both_bad" {
  if (prompt === BOTH_BAD) return "both_bad";
  const truth = Number(prompt.split(" ")[1]) % 2;
  if (who === "adversary" || (who === "slip" && prompt === CONTESTED)) return 1 - truth;
  return truth;
}

beforeAll(async () => {
  h = await createHarness({ ARBITER_SECRET: SECRET });
  researcher = await h.user("RESEARCHER");
  for (const who of ["careful", "slip", "adversary"] as const) crowd[who] = await h.user("ANNOTATOR");
  const seeded = await seedProject(h, researcher, Object.values(crowd), {
    items: ITEMS,
    judgmentsPerItem: 3,
    questions: { strength: true, allowTie: true, allowBothBad: true },
  });
  projectId = seeded.projectId;
  // Through the real assignment engine: each annotator takes items until none is left.
  for (const who of Object.keys(crowd) as (keyof typeof crowd)[]) {
    for (;;) {
      const { assignment } = await takeAssignment(h, crowd[who], projectId);
      if (!assignment) break;
      const answer = answerOf(who, assignment.prompt.text!);
      const body =
        answer === "both_bad"
          ? { choice: answer }
          : { choice: assignment.options.find((o) => o.text.endsWith(`model-${answer}`))!.key, strength: 3 };
      expect((await judge(h, crowd[who], assignment.id, body)).statusCode).toBe(201);
    }
  }
  worker = exportWorker({ databaseUrl: h.db.url, redisPrefix: process.env.REDIS_PREFIX!, secret: SECRET });
  worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

async function file(id: string, name: string) {
  return h.app.inject({
    method: "GET",
    url: `/api/v1/exports/${id}/files/${name}`,
    headers: bearer(researcher),
  });
}

/** Runs an export to the end: its rows (train only), manifest and dataset card. */
async function runExport(body: TExportRequestInput) {
  const { id } = await requestExport(h, researcher, projectId, body);
  const done = await waitForExport(h, researcher, id);
  expect(done.status, done.error).toBe("SUCCEEDED");
  const text = gunzipSync((await file(id, "train.jsonl.gz")).rawPayload).toString("utf8");
  return {
    rows: text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    lines: text.split("\n").filter(Boolean),
    manifest: (await file(id, "manifest.json")).json(),
    card: (await file(id, "README.md")).body,
  };
}

/** The package's fit of the answers in the database, as the export must reproduce it. */
async function packageFit() {
  const items = await h.db.pool.query<{ id: string; completions: string[]; prompt: string }>(
    `SELECT i.id, array_agg(ic.completion_id::text ORDER BY ic.position) AS completions, p.text AS prompt
       FROM items i JOIN item_completions ic ON ic.item_id = i.id JOIN prompts p ON p.id = i.prompt_id
      WHERE i.project_id = $1 GROUP BY i.id, p.text`,
    [projectId],
  );
  const judgments = await h.db.pool.query<{
    item_id: string;
    annotator_id: string;
    choice: string;
    ranking: string[][] | null;
    first: string;
  }>(
    `SELECT j.item_id, j.annotator_id, j.choice, j.ranking, a.shown_order[1]::text AS first
       FROM judgments j JOIN assignments a ON a.id = j.assignment_id WHERE j.project_id = $1`,
    [projectId],
  );
  const byId = new Map(items.rows.map((i) => [i.id, i]));
  const fit = aggregatePairwise(
    items.rows.map((i) => ({ id: i.id, completions: [i.completions[0]!, i.completions[1]!] as const })),
    judgments.rows.map((j) => ({
      itemId: j.item_id,
      annotatorId: j.annotator_id,
      answer: (j.choice === "both_bad"
        ? "bothBad"
        : j.ranking![0]![0] === byId.get(j.item_id)!.completions[0]
          ? "first"
          : "second") as TPairwiseClass,
      shownFirst: j.first,
    })),
    { classes: ["first", "second", "bothBad"] },
  );
  return new Map(fit.items.map((e) => [byId.get(e.itemId)!.prompt, e]));
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe("dawid-skene exports", () => {
  it("gets the contested item right where majority gets it wrong; confidence and soft labels are the model's posterior", async () => {
    const majority = await runExport({ format: "trl", aggregation: "majority" });
    const model = await runExport({
      format: "trl",
      aggregation: "dawid-skene",
      include: { confidence: true, softLabel: true },
    });
    const row = (rows: { prompt: string }[], prompt: string) =>
      rows.find((r) => r.prompt === prompt) as never as {
        chosen: string;
        confidence: number;
        soft_label: { chosen: number; rejected: number; tie: number; both_bad: number };
      };
    expect(row(majority.rows, CONTESTED).chosen).toMatch(/model-1$/);
    expect(row(model.rows, CONTESTED).chosen).toMatch(/model-0$/);
    const fit = await packageFit();
    expect(model.rows).toHaveLength(ITEMS - 1);
    for (const r of model.rows) {
      ZTrlTextRow.parse(r);
      const estimate = fit.get(r.prompt)!;
      expect(r.confidence, r.prompt).toBe(round4(estimate.confidence));
      expect(r.soft_label.both_bad, r.prompt).toBe(round4(estimate.posterior[2]!));
    }
    // The card's estimated label accuracy is the mean confidence of the exported items.
    const mean = model.rows.reduce((s, r) => s + r.confidence, 0) / model.rows.length;
    expect(model.manifest.splits.train.estimated_accuracy).toBeCloseTo(mean, 3);
    expect(model.card).toContain("| split | items | mean agreement | estimated label accuracy |");
    expect(model.card).toContain(`| train | ${ITEMS - 1} | `);
    expect(model.card).toContain(model.manifest.splits.train.estimated_accuracy.toFixed(3));
    expect(majority.card).not.toContain("estimated label accuracy |");
    expect(majority.manifest.splits.train.estimated_accuracy).toBeNull();
  });

  it("the preview shows the export's first rows under the same fit", async () => {
    const body = { format: "trl", aggregation: "dawid-skene", include: { confidence: true } } as const;
    const preview = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/exports/preview`,
      headers: bearer(researcher),
      payload: body,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const out = await runExport(body);
    expect(preview.json().preview.rows.map((r: { line: string }) => r.line)).toEqual(out.lines.slice(0, 5));
  });

  it("minConfidence drops the items the model is less sure of, and the manifest counts them", async () => {
    const fit = await packageFit();
    const confidences = [...fit.entries()].filter(([p]) => p !== BOTH_BAD).map(([, e]) => e.confidence);
    const threshold = (Math.min(...confidences) + Math.max(...confidences)) / 2;
    const dropped = confidences.filter((c) => c < threshold).length;
    expect(dropped).toBeGreaterThan(0);
    const out = await runExport({ format: "trl", aggregation: "dawid-skene", minConfidence: threshold });
    expect(out.rows).toHaveLength(ITEMS - 1 - dropped);
    expect(out.manifest.source.excluded_items.lowConfidence).toBe(dropped);
    expect(out.manifest.source.excluded.lowConfidence).toBe(3 * dropped);
  });

  it("kto with every aggregation: chosen true, rejected false, both-bad two false, the balance in the manifest", async () => {
    for (const aggregation of ["per-judgment", "majority", "dawid-skene"] as const) {
      const out = await runExport({ format: "kto", aggregation, dropBothBad: false });
      for (const r of out.rows) ZKtoTextRow.parse(r);
      const labels = {
        true: out.rows.filter((r) => r.label).length,
        false: out.rows.filter((r) => !r.label).length,
      };
      expect(out.manifest.splits.train.labels, aggregation).toEqual(labels);
      const bothBad = out.rows.filter((r) => r.prompt === BOTH_BAD);
      expect(
        bothBad.every((r) => r.label === false),
        aggregation,
      ).toBe(true);
      expect(bothBad, aggregation).toHaveLength(aggregation === "per-judgment" ? 6 : 2);
      expect(out.card).toContain("| label true | label false |");
    }
    const model = await runExport({ format: "kto", aggregation: "dawid-skene", dropBothBad: false });
    const contested = model.rows.filter((r) => r.prompt === CONTESTED);
    expect(contested.map((r) => `${r.completion.slice(-7)}:${r.label}`)).toEqual([
      "model-0:true",
      "model-1:false",
    ]);
    expect(model.manifest.splits.train.labels).toEqual({ true: ITEMS - 1, false: ITEMS + 1 });
  });

  it("options that mean nothing together get a 400 naming the field", async () => {
    const post = (payload: object) =>
      h.app.inject({
        method: "POST",
        url: `/api/v1/projects/${projectId}/exports`,
        headers: bearer(researcher),
        payload,
      });
    const cases: [object, RegExp][] = [
      [{ format: "trl", minConfidence: 0.8 }, /minConfidence/],
      [{ format: "trl", aggregation: "majority", include: { confidence: true } }, /include\.confidence/],
      [{ format: "ranked", aggregation: "dawid-skene", include: { softLabel: true } }, /include\.softLabel/],
      [{ format: "kto", dropTies: false }, /dropTies/],
      [{ format: "raw", aggregation: "dawid-skene" }, /aggregation/],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message, JSON.stringify(payload)).toMatch(field);
    }
  });
});
