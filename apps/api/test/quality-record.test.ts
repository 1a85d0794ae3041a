import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProject } from "./support/annotation";
import { createHarness, type Harness, type TestUser } from "./support/harness";

// arbiter_record_answers is the one implementation of the quality record: the judgment
// functions (fast answers) and quality/control.ts (gold answers) both call it. These are its
// cases, worked by hand.

let h: Harness;
let annotators: TestUser[];
let pairwise: string;
let ranking: string;
beforeAll(async () => {
  h = await createHarness();
  const researcher = await h.user("RESEARCHER");
  annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
  pairwise = (await seedProject(h, researcher, annotators, { items: 1 })).projectId;
  ranking = (
    await seedProject(h, researcher, annotators, { items: 1, taskType: "ranking", optionsPerItem: 4 })
  ).projectId;
  for (const project of [pairwise, ranking])
    for (const a of annotators)
      await h.db.pool.query(
        "INSERT INTO annotator_states (project_id, user_id, status) VALUES ($1, $2, 'ADMITTED')",
        [project, a.id],
      );
});
afterAll(async () => h?.close());

type Answer = {
  project: string;
  annotator: string;
  first: string | null;
  correct: boolean | null;
  honest: number | null;
};

async function record(answers: Answer[]) {
  const { rows } = await h.db.pool.query(
    `SELECT annotator, record FROM arbiter_record_answers($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::float8[])`,
    [
      answers.map((a) => a.project),
      answers.map((a) => a.annotator),
      answers.map((a) => a.first),
      answers.map((a) => a.correct),
      answers.map((a) => a.honest),
    ],
  );
  return new Map(rows.map((r) => [r.annotator as string, r.record]));
}

describe("the quality record", () => {
  it("counts decisive and first-shown answers, and leaves gold alone for non-gold items", async () => {
    const [a, b] = annotators as [TestUser, TestUser];
    const out = await record([
      { project: pairwise, annotator: a.id, first: "A", correct: null, honest: null },
      { project: pairwise, annotator: b.id, first: null, correct: null, honest: null },
    ]);
    expect(out.get(a.id)).toMatchObject({ decisive: 1, first_shown: 1, gold_answered: 0, gold_llr: 0 });
    expect(out.get(b.id)).toMatchObject({ decisive: 0, first_shown: 0, gold_answered: 0, gold_llr: 0 });
    const again = await record([
      { project: pairwise, annotator: a.id, first: "B", correct: null, honest: null },
    ]);
    expect(again.get(a.id)).toMatchObject({ decisive: 2, first_shown: 1 });
  });

  it("steps the log-likelihood ratio by log(h/c) for a right gold answer and log((1-h)/(1-c)) for a wrong one", async () => {
    const [a, b] = annotators as [TestUser, TestUser];
    // K = 4: chance 1/4; an honest annotator is right 0.9 of the time.
    const right = await record([
      { project: ranking, annotator: a.id, first: "A", correct: true, honest: 0.9 },
    ]);
    expect(right.get(a.id)).toMatchObject({ gold_answered: 1, gold_correct: 1, decisive: 1, first_shown: 1 });
    expect(right.get(a.id).gold_llr).toBeCloseTo(Math.log(0.9 / 0.25), 12);
    const wrong = await record([
      { project: ranking, annotator: a.id, first: "C", correct: false, honest: 0.9 },
    ]);
    expect(wrong.get(a.id)).toMatchObject({ gold_answered: 2, gold_correct: 1, decisive: 2, first_shown: 1 });
    expect(wrong.get(a.id).gold_llr).toBeCloseTo(Math.log(0.9 / 0.25) + Math.log(0.1 / 0.75), 12);
    // An "honest" accuracy at or below chance is lifted just above it (K = 2: 0.51), so a step is never 0 or infinite.
    const low = await record([
      { project: pairwise, annotator: b.id, first: "B", correct: true, honest: 0.3 },
    ]);
    expect(low.get(b.id).gold_llr).toBeCloseTo(Math.log(0.51 / 0.5), 12);
  });

  it("returns nothing for an annotator without a record in the project", async () => {
    const stranger = await h.user("ANNOTATOR");
    const out = await record([
      { project: pairwise, annotator: stranger.id, first: "A", correct: null, honest: null },
    ]);
    expect(out.size).toBe(0);
  });
});
