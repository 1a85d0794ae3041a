import { randomUUID } from "node:crypto";
import type { TAssignment, TProjectStats } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { krippendorffAlpha, type Value } from "../src/lib/analytics/krippendorff";
import { addItems, createPool, createProject, judge, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let researcher: TestUser;
beforeAll(async () => {
  h = await createHarness();
  researcher = await h.user("RESEARCHER");
});
afterAll(async () => h?.close());

const LONG = "x".repeat(600);

/** A pairwise project whose items pit "alpha" (long answers) against "beta" (short), in alternating upload order. */
async function seedModels(annotators: TestUser[], items: number) {
  const admin = await h.user("ADMIN");
  const poolId = await createPool(h, admin, annotators, [researcher]);
  const projectId = await createProject(h, researcher, {
    name: "Stats",
    judgmentsPerItem: annotators.length,
    questions: { strength: true, aspects: [{ key: "helpful", label: "Helpful", scale: 5 }] },
    poolIds: [poolId],
  });
  const alphaFirst = (i: number) => i % 2 === 0;
  const texts = Array.from({ length: items }, (_, i) => `Prompt ${i}`);
  const itemIds = await addItems(h, researcher, projectId, texts, (i) => {
    const alpha = { text: `alpha ${i} ${LONG}`, model: "alpha" };
    const beta = { text: `beta ${i}`, model: "beta" };
    return { completions: alphaFirst(i) ? [alpha, beta] : [beta, alpha] };
  });
  return { projectId, itemIds, alphaFirst: (itemId: string) => alphaFirst(itemIds.indexOf(itemId)) };
}

type Answer = "alpha" | "beta" | "tie";
type Given = { annotator: string; prompt: string; answer: Answer; strength: number; shownFirst: Answer };

/** Each annotator answers everything they are given with pick(prompt text); returns what was given. */
async function annotate(
  projectId: string,
  annotator: TestUser,
  pick: (promptIndex: number) => [Answer, number],
) {
  const given: Given[] = [];
  for (;;) {
    const { assignment } = await takeAssignment(h, annotator, projectId);
    if (!assignment) return given;
    const a = assignment as TAssignment;
    const index = Number(a.prompt.text!.split(" ")[1]);
    const [answer, strength] = pick(index);
    const keyOf = (model: string) => a.options.find((o) => o.text.startsWith(model))!.key;
    const body =
      answer === "tie"
        ? { choice: "tie" }
        : {
            choice: keyOf(answer),
            strength,
            aspects: { [keyOf("alpha")]: { helpful: 5 }, [keyOf("beta")]: { helpful: 2 } },
          };
    const res = await judge(h, annotator, a.id, body);
    expect(res.statusCode).toBe(201);
    given.push({
      annotator: annotator.id,
      prompt: String(index),
      answer,
      strength,
      shownFirst: a.options[0]!.text.startsWith("alpha") ? "alpha" : "beta",
    });
  }
}

async function stats(projectId: string, user: TestUser = researcher): Promise<TProjectStats> {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/v1/projects/${projectId}/stats`,
    headers: bearer(user),
  });
  expect(res.statusCode).toBe(200);
  return res.json().stats;
}

describe("GET /api/v1/projects/:id/stats", () => {
  it("is empty but well-formed before anyone answers", async () => {
    const { projectId } = await seedModels([await h.user("ANNOTATOR")], 3);
    const s = await stats(projectId);
    expect(s.judgments).toBe(0);
    expect(s.progress.items).toEqual({ total: 3, complete: 0, inProgress: 0, untouched: 3 });
    expect(s.progress.perHour).toHaveLength(48);
    expect(s.progress.projectedHoursToFinish).toBeNull();
    expect(s.agreement.alphaNominal).toEqual({ value: null, items: 0 });
    expect(s.leaderboard.rows).toEqual([]);
    expect(s.biases.position.share).toBeNull();
  });

  it("answers 404 for an unknown project and 400 for a malformed id", async () => {
    const missing = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${randomUUID()}/stats`,
      headers: bearer(researcher),
    });
    expect(missing.statusCode).toBe(404);
    const bad = await h.app.inject({
      method: "GET",
      url: "/api/v1/projects/nope/stats",
      headers: bearer(researcher),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("params.id");
  });

  it("computes progress, agreement, leaderboard and biases, leaving out quarantined annotators and gold items", async () => {
    const honest = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const spammer = await h.user("ANNOTATOR");
    const items = 8;
    const { projectId, itemIds, alphaFirst } = await seedModels([...honest, spammer], items);
    const given: Given[] = [];
    // Two annotators prefer alpha strongly; the third calls every third item a tie.
    given.push(...(await annotate(projectId, honest[0]!, () => ["alpha", 4])));
    given.push(...(await annotate(projectId, honest[1]!, (i) => (i === 5 ? ["beta", 2] : ["alpha", 3]))));
    given.push(...(await annotate(projectId, honest[2]!, (i) => (i % 3 === 0 ? ["tie", 0] : ["alpha", 2]))));
    await annotate(projectId, spammer, () => ["beta", 4]);

    const before = await stats(projectId);
    expect(before.judgments).toBe(4 * items);
    expect(before.progress.items).toEqual({ total: items, complete: items, inProgress: 0, untouched: 0 });
    expect(before.progress.remainingJudgments).toBe(0);
    expect(before.progress.projectedHoursToFinish).toBe(0);
    expect(before.progress.activeAnnotators.lastDay).toBe(4);
    expect(before.progress.perHour.at(-1)!.count).toBe(4 * items);

    await h.db.pool.query(
      `INSERT INTO annotator_states (project_id, user_id, status) VALUES ($1, $2, 'QUARANTINED')
       ON CONFLICT (project_id, user_id) DO UPDATE SET status = 'QUARANTINED'`,
      [projectId, spammer.id],
    );
    // An item turned gold afterwards: its answers measure annotators, not models.
    const goldItem = itemIds[7]!;
    await h.db.pool.query("UPDATE items SET is_gold = true WHERE id = $1", [goldItem]);
    const kept = given.filter((g) => g.prompt !== "7");
    const s = await stats(projectId);
    expect(s.judgments).toBe(kept.length);
    expect(s.excluded).toEqual({ annotators: 1, judgments: items, goldJudgments: 4 });

    // Leaderboard: alpha beats beta except for one loss and the ties.
    const ties = kept.filter((g) => g.answer === "tie").length;
    const betaWins = kept.filter((g) => g.answer === "beta").length;
    const [top, bottom] = s.leaderboard.rows;
    expect(top).toMatchObject({ model: "alpha", ties, losses: betaWins, games: kept.length });
    expect(bottom).toMatchObject({ model: "beta", wins: betaWins, ties });
    expect(top!.rating).toBeGreaterThan(bottom!.rating);
    expect(top!.ratingCi!.low).toBeLessThanOrEqual(top!.rating);
    expect(s.leaderboard.matrix.models).toEqual(["alpha", "beta"]);
    expect(s.leaderboard.matrix.rates[0]![1]).toBeCloseTo(
      (kept.length - betaWins - ties / 2) / kept.length,
      12,
    );
    expect(s.leaderboard.bootstrapRounds).toBeGreaterThanOrEqual(200);

    // Agreement, against the pure implementation fed with the answers in canonical order.
    const byItem = new Map<string, { nominal: Value[]; ordinal: Value[] }>();
    for (const g of kept) {
      const first = alphaFirst(itemIds[Number(g.prompt)]!) ? "alpha" : "beta";
      const side = g.answer === "tie" ? "tie" : g.answer === first ? "A" : "B";
      const unit = byItem.get(g.prompt) ?? { nominal: [], ordinal: [] };
      unit.nominal.push(side);
      unit.ordinal.push(side === "tie" ? 0 : side === "A" ? -g.strength : g.strength);
      byItem.set(g.prompt, unit);
    }
    const units = [...byItem.values()];
    expect(s.agreement.alphaNominal.items).toBe(items - 1);
    expect(s.agreement.alphaNominal.value).toBeCloseTo(
      krippendorffAlpha(
        units.map((u) => u.nominal),
        "nominal",
      )!,
      10,
    );
    expect(s.agreement.alphaOrdinal!.value).toBeCloseTo(
      krippendorffAlpha(
        units.map((u) => u.ordinal),
        "ordinal",
      )!,
      10,
    );
    let agreeing = 0;
    for (const u of units)
      for (let i = 0; i < u.nominal.length; i++)
        for (let j = i + 1; j < u.nominal.length; j++) if (u.nominal[i] === u.nominal[j]) agreeing += 1;
    expect(s.agreement.rawPairwise).toEqual({
      value: agreeing / (3 * (items - 1)),
      items: items - 1,
      pairs: 3 * (items - 1),
    });
    expect(s.agreement.kendallW).toBeNull();

    // Biases: the position share counts decisive answers that picked the option shown first.
    const decisive = kept.filter((g) => g.answer !== "tie");
    expect(s.biases.position).toMatchObject({
      of: decisive.length,
      hits: decisive.filter((g) => g.answer === g.shownFirst).length,
      expected: 0.5,
    });
    expect(s.biases.length).toMatchObject({ of: decisive.length, hits: decisive.length - betaWins });
    expect(s.biases.lengthBuckets.map((b) => [b.min, b.max])).toEqual([
      [0, 250],
      [500, 1000],
    ]);
    expect(s.biases.aspects).toEqual([
      { aspect: "helpful", model: "alpha", mean: 5, n: decisive.length },
      { aspect: "helpful", model: "beta", mean: 2, n: decisive.length },
    ]);
  });

  it("maps ratings to models through the shown order for every kind of answer, 'both bad' included", async () => {
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId } = await seedModels(annotators, 4);
    const choices = ["alpha", "beta", "tie", "both_bad"] as const;
    for (const [k, annotator] of annotators.entries()) {
      for (;;) {
        const { assignment } = await takeAssignment(h, annotator, projectId);
        if (!assignment) break;
        const a = assignment as TAssignment;
        const keyOf = (model: string) => a.options.find((o) => o.text.startsWith(model))!.key;
        const answer = choices[(Number(a.prompt.text!.split(" ")[1]) + k) % choices.length]!;
        const aspects = { [keyOf("alpha")]: { helpful: 4 }, [keyOf("beta")]: { helpful: 1 } };
        const body =
          answer === "tie" || answer === "both_bad"
            ? { choice: answer, aspects }
            : { choice: keyOf(answer), strength: 2, aspects };
        expect((await judge(h, annotator, a.id, body)).statusCode).toBe(201);
      }
    }
    const s = await stats(projectId);
    expect(s.judgments).toBe(12);
    expect(s.biases.aspects).toEqual([
      { aspect: "helpful", model: "alpha", mean: 4, n: 12 },
      { aspect: "helpful", model: "beta", mean: 1, n: 12 },
    ]);
    // Each answer kind three times: ties and "both bad" count half a win each way.
    const [alpha, beta] = [...s.leaderboard.rows].sort((x, y) => (x.model < y.model ? -1 : 1));
    expect(alpha).toMatchObject({ wins: 3, losses: 3, ties: 6, games: 12 });
    expect(beta).toMatchObject({ wins: 3, losses: 3, ties: 6, games: 12 });
    // No two annotators gave an item the same answer.
    expect(s.agreement.rawPairwise).toEqual({ value: 0, items: 4, pairs: 12 });
  });

  it("measures ranking projects with Kendall's W and one game per pair of options", async () => {
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { seedProject } = await import("./support/annotation");
    const { projectId } = await seedProject(h, researcher, annotators, {
      taskType: "ranking",
      optionsPerItem: 3,
      judgmentsPerItem: 2,
      items: 2,
    });
    for (const annotator of annotators) {
      for (;;) {
        const { assignment } = await takeAssignment(h, annotator, projectId);
        if (!assignment) break;
        // Rank by model number: model-0 best; the options' text names the model.
        const keys = [...assignment.options].sort((x, y) => (x.text < y.text ? -1 : 1)).map((o) => [o.key]);
        expect((await judge(h, annotator, assignment.id, { ranking: keys })).statusCode).toBe(201);
      }
    }
    const s = await stats(projectId);
    expect(s.taskType).toBe("ranking");
    expect(s.agreement.kendallW).toEqual({ value: 1, items: 2 });
    expect(s.agreement.alphaOrdinal).toBeNull();
    expect(s.agreement.rawPairwise.value).toBe(1);
    expect(s.leaderboard.rows.map((r) => [r.model, r.wins, r.losses])).toEqual([
      ["model-0", 8, 0],
      ["model-1", 4, 4],
      ["model-2", 0, 8],
    ]);
    expect(s.biases.position.expected).toBeCloseTo(1 / 3, 12);
  });

  it("measures the rate over the project's active window, not a fixed 24 hours", async () => {
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedModels([annotator], 12);
    await annotate(projectId, annotator, () => ["alpha", 3]);
    const shift = (ago: string, limit: number) =>
      h.db.pool.query(
        `UPDATE judgments SET created_at = now() - $2::interval
          WHERE id IN (SELECT id FROM judgments WHERE project_id = $1 AND created_at > now() - interval '10 minutes' LIMIT $3)`,
        [projectId, ago, limit],
      );
    // Two answers from a day and a half ago, then ten since a restart two hours ago.
    await shift("30 hours", 2);
    await shift("2 hours", 10);
    const restarted = (await stats(projectId)).progress;
    expect(restarted.rateWindowHours).toBeCloseTo(2, 2);
    expect(restarted.ratePerHour).toBeCloseTo(5, 1);

    // Ten answers in the last twenty minutes: the window is never under an hour.
    await h.db.pool.query(
      `UPDATE judgments SET created_at = now() - interval '20 minutes'
        WHERE project_id = $1 AND created_at > now() - interval '3 hours'`,
      [projectId],
    );
    const fresh = (await stats(projectId)).progress;
    expect(fresh.rateWindowHours).toBe(1);
    expect(fresh.ratePerHour).toBe(10);

    // Nothing in the last day: no rate, measured over the whole day.
    await h.db.pool.query(
      "UPDATE judgments SET created_at = now() - interval '26 hours' WHERE project_id = $1",
      [projectId],
    );
    const quiet = (await stats(projectId)).progress;
    expect(quiet.rateWindowHours).toBe(24);
    expect(quiet.ratePerHour).toBe(0);
  });

  it("is for staff only", async () => {
    const annotator = await h.user("ANNOTATOR");
    const res = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${randomUUID()}/stats`,
      headers: bearer(annotator),
    });
    expect(res.statusCode).toBe(403);
  });
});
