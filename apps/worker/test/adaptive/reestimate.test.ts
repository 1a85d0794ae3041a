import { createTestDatabase, type TestDatabase } from "@arbiter/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reestimateProject } from "../../src/features/adaptive/reestimate";
import {
  plantCrowd,
  type TPlantedAnswer,
  type TPlantedItem,
  type TPlantedRanking,
} from "../support/planted-crowd";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

// Annotators 0–3 answer the planted truth; 4 and 5 answer against it half the time.
const RELIABLE = [0, 1, 2, 3];
// Shown orders spread so that nobody's choices line up with the position shown first.
const swapped = (item: number, k: number) => (item * 31 + k * 17) % 7 < 3;

/** `n` answers to an item whose truth is "first": agreeing ones from reliable annotators, `against` from 4 and 5. */
function answers(agree: number, against = 0, start = 0): TPlantedAnswer[] {
  const out: TPlantedAnswer[] = [];
  for (let k = 0; k < agree; k++)
    out.push({
      annotator: RELIABLE[(start + k) % RELIABLE.length]!,
      answer: "first",
      shownSwapped: swapped(start, k),
    });
  for (let k = 0; k < against; k++)
    out.push({ annotator: 4 + k, answer: "second", shownSwapped: swapped(start, 4 + k) });
  return out;
}

/** Two reliable annotators who disagree: an item still in doubt. */
function disputed(): TPlantedAnswer[] {
  return [
    { annotator: 0, answer: "first" },
    { annotator: 1, answer: "second", shownSwapped: true },
  ];
}

/**
 * Background items the annotators answered, so that the model learns who is reliable: the
 * truth alternates between the two completions, the reliable three give it, and 4 and 5
 * each give it on half of the items.
 */
function calibration(count: number): TPlantedItem[] {
  return Array.from({ length: count }, (_, n) => {
    const truth: TPlantedAnswer["answer"] = n % 2 === 0 ? "first" : "second";
    const other: TPlantedAnswer["answer"] = truth === "first" ? "second" : "first";
    return {
      models: ["m-a", "m-b"],
      answers: [
        ...answers(3, 0, n).map((a) => ({ ...a, answer: truth })),
        { annotator: 4, answer: n % 4 < 2 ? truth : other, shownSwapped: swapped(n, 4) },
        { annotator: 5, answer: n % 4 < 2 ? other : truth, shownSwapped: swapped(n, 5) },
      ],
      wanted: 5,
      max: 5,
    } satisfies TPlantedItem;
  });
}

const OVERLAP = { min: 3, max: 5, target: 0.9 };

async function item(id: string) {
  return db.prisma.item.findUniqueOrThrow({ where: { id } });
}

describe("reestimating a dynamic-overlap project", () => {
  it("completes items at the target, asks one more for the others, never passes the maximum, and stores estimates", async () => {
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "label-confidence",
      overlap: OVERLAP,
      items: [
        { models: ["m-a", "m-b"], answers: answers(3), wanted: 3, max: 5 }, // unanimous, reliable
        { models: ["m-a", "m-b"], answers: disputed(), wanted: 2, max: 5 },
        {
          models: ["m-a", "m-b"],
          answers: [...disputed(), { annotator: 2, answer: "second" }, ...answers(1, 1, 3)],
          wanted: 5,
          max: 5,
        }, // disputed, at its maximum
        { models: ["m-a", "m-b"], answers: answers(1, 1), wanted: 3, max: 5 }, // below its wanted count
        ...calibration(30),
      ],
    });
    const [certain, split, atMax, below] = crowd.itemIds;

    const result = await reestimateProject(db.pool, crowd.projectId);
    expect(result).toMatchObject({ fitted: true, items: 34 });

    const decided = await item(certain!);
    expect(decided.status).toBe("COMPLETE");
    expect(decided.confidence).toBeGreaterThanOrEqual(OVERLAP.target);

    const raised = await item(split!);
    expect(raised.status).toBe("OPEN");
    expect(raised.confidence).toBeLessThan(OVERLAP.target);
    expect(raised.judgmentsWanted).toBe(3);

    const full = await item(atMax!);
    expect(full.status).toBe("COMPLETE");
    expect(full.judgmentsWanted).toBe(5);

    const waiting = await item(below!);
    expect(waiting.status).toBe("OPEN");
    expect(waiting.judgmentsWanted).toBe(3);

    // A second fit on the same answers changes nothing: the raised item is below its wanted count.
    await reestimateProject(db.pool, crowd.projectId);
    expect((await item(split!)).judgmentsWanted).toBe(3);
    const items = await db.prisma.item.findMany({ where: { projectId: crowd.projectId } });
    for (const i of items) expect(i.judgmentsWanted).toBeLessThanOrEqual(i.judgmentsMax!);

    const estimates = await db.pool.query<{
      user_id: string;
      accuracy: number;
      accuracy_low: number;
      accuracy_high: number;
      answers: number;
    }>(
      "SELECT user_id, accuracy, accuracy_low, accuracy_high, answers FROM annotator_estimates WHERE project_id = $1",
      [crowd.projectId],
    );
    expect(estimates.rows).toHaveLength(6);
    const accuracy = new Map(estimates.rows.map((r) => [r.user_id, r.accuracy]));
    for (const good of RELIABLE)
      for (const bad of [4, 5])
        expect(accuracy.get(crowd.annotatorIds[good]!)!).toBeGreaterThan(
          accuracy.get(crowd.annotatorIds[bad]!)!,
        );
    for (const r of estimates.rows) {
      expect(r.accuracy_low).toBeLessThanOrEqual(r.accuracy);
      expect(r.accuracy_high).toBeGreaterThanOrEqual(r.accuracy);
    }
    const fit = await db.pool.query("SELECT judgments, items FROM project_fits WHERE project_id = $1", [
      crowd.projectId,
    ]);
    expect(fit.rows[0]).toMatchObject({ items: 34 });
  });

  it("leaves a fixed, uniform project alone", async () => {
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "uniform",
      overlap: null,
      items: [{ models: ["m-a", "m-b"], answers: answers(3), wanted: 3, max: null }],
    });
    expect(await reestimateProject(db.pool, crowd.projectId)).toEqual({ fitted: false });
    expect((await item(crowd.itemIds[0]!)).confidence).toBeNull();
  });
});

describe("reestimating a dynamic-overlap ranking project", () => {
  const MODELS = ["m-a", "m-b", "m-c"];
  const ORDERS = [
    [0, 1, 2],
    [2, 0, 1],
    [1, 2, 0],
    [0, 2, 1],
  ];
  /** Reliable annotators give the true order; 4 and 5 give it reversed on every other item. */
  const ranked = (truth: number[], n: number): TPlantedRanking[] => [
    ...[0, 1, 2].map((k) => ({
      annotator: RELIABLE[(n + k) % RELIABLE.length]!,
      ranking: truth,
      shown: ORDERS[(n + k) % ORDERS.length],
    })),
    { annotator: 4, ranking: n % 2 === 0 ? truth : [...truth].reverse(), shown: ORDERS[n % ORDERS.length] },
    {
      annotator: 5,
      ranking: n % 2 === 1 ? truth : [...truth].reverse(),
      shown: ORDERS[(n + 1) % ORDERS.length],
    },
  ];

  it("completes a ranking the reliable annotators agree on, asks one more where the top is disputed, and prioritises it", async () => {
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "label-confidence",
      overlap: OVERLAP,
      items: [
        { models: MODELS, answers: ranked([0, 1, 2], 0).slice(0, 3), wanted: 3, max: 5 },
        {
          models: MODELS,
          answers: [
            { annotator: 0, ranking: [0, 1, 2] },
            { annotator: 1, ranking: [1, 0, 2], shown: [2, 1, 0] },
          ],
          wanted: 2,
          max: 5,
        },
        ...Array.from({ length: 24 }, (_, n) => ({
          models: MODELS,
          answers: ranked(ORDERS[n % ORDERS.length]!, n),
          wanted: 5,
          max: 5,
        })),
      ],
    });
    const [certain, split] = crowd.itemIds;
    expect(await reestimateProject(db.pool, crowd.projectId)).toMatchObject({ fitted: true, items: 26 });

    const decided = await item(certain!);
    expect(decided.status).toBe("COMPLETE");
    expect(decided.confidence).toBeGreaterThanOrEqual(OVERLAP.target);
    const raised = await item(split!);
    expect(raised.status).toBe("OPEN");
    expect(raised.confidence).toBeLessThan(OVERLAP.target);
    expect(raised.judgmentsWanted).toBe(3);
    expect(raised.priority).toBeGreaterThan(decided.priority);

    const estimates = await db.pool.query<{ user_id: string; accuracy: number }>(
      "SELECT user_id, accuracy FROM annotator_estimates WHERE project_id = $1",
      [crowd.projectId],
    );
    const accuracy = new Map(estimates.rows.map((r) => [r.user_id, r.accuracy]));
    for (const good of RELIABLE)
      for (const bad of [4, 5])
        expect(accuracy.get(crowd.annotatorIds[good]!)!).toBeGreaterThan(
          accuracy.get(crowd.annotatorIds[bad]!)!,
        );
  });
});

describe("priorities", () => {
  it("label-confidence puts the doubtful item first, and an item passed over long enough overtakes it", async () => {
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "label-confidence",
      overlap: null,
      items: [
        { models: ["m-a", "m-b"], answers: disputed(), wanted: 5, max: null },
        { models: ["m-a", "m-b"], answers: answers(4), wanted: 5, max: null }, // settled
        // Settled too, but waiting for an answer for two hours.
        { models: ["m-a", "m-b"], answers: answers(4, 0, 1), wanted: 5, max: null, ageSeconds: 7_200 },
        ...calibration(20),
      ],
    });
    const [doubtful, settled, old] = crowd.itemIds;
    await reestimateProject(db.pool, crowd.projectId);
    const p = async (id: string) => (await item(id)).priority;
    expect(await p(doubtful!)).toBeGreaterThan(await p(settled!));
    expect(await p(old!)).toBeGreaterThan(await p(doubtful!));
  });

  it("a refit with no new answers rewrites no item, and an old item keeps its lead", async () => {
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "label-confidence",
      overlap: null,
      items: [
        { models: ["m-a", "m-b"], answers: disputed(), wanted: 5, max: null },
        { models: ["m-a", "m-b"], answers: answers(4, 0, 1), wanted: 5, max: null, ageSeconds: 7_200 },
        ...calibration(20),
      ],
    });
    const first = await reestimateProject(db.pool, crowd.projectId);
    expect(first).toMatchObject({ fitted: true, written: 22 });
    const before = await db.prisma.item.findMany({
      where: { projectId: crowd.projectId },
      orderBy: { id: "asc" },
    });
    // Seconds pass: the age term of every item grew alike, so their order and stored values hold.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await reestimateProject(db.pool, crowd.projectId)).toMatchObject({ fitted: true, written: 0 });
    const after = await db.prisma.item.findMany({
      where: { projectId: crowd.projectId },
      orderBy: { id: "asc" },
    });
    expect(after.map((i) => i.priority)).toEqual(before.map((i) => i.priority));
    const [doubtful, old] = crowd.itemIds;
    expect((await item(old!)).priority).toBeGreaterThan((await item(doubtful!)).priority);
  });

  it("uniform selection keeps every priority at 0 while dynamic overlap still decides", async () => {
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "uniform",
      overlap: OVERLAP,
      items: [{ models: ["m-a", "m-b"], answers: disputed(), wanted: 2, max: 5 }, ...calibration(10)],
    });
    await reestimateProject(db.pool, crowd.projectId);
    const items = await db.prisma.item.findMany({ where: { projectId: crowd.projectId } });
    expect(items.every((i) => i.priority === 0)).toBe(true);
    expect((await item(crowd.itemIds[0]!)).judgmentsWanted).toBe(3);
  });

  it("leaderboard ranks a comparison of two close models above one whose order is settled", async () => {
    const close = (n: number): TPlantedItem => ({
      models: ["m-a", "m-b"],
      // Each model wins half of these items, by two answers to one.
      answers: answers(3, 0, n).map((a, k) => ({
        ...a,
        answer: (n % 2 === 0) === k < 2 ? "first" : "second",
      })),
      wanted: 5,
      max: null,
    });
    // The stronger model wins 10 of 12: strengths (and their intervals) stay finite.
    const settled = (n: number, models: [string, string]): TPlantedItem => ({
      models,
      answers: answers(3, 0, n).map((a) => ({ ...a, answer: n % 6 === 0 ? "second" : "first" })),
      wanted: 5,
      max: null,
    });
    const crowd = await plantCrowd(db.pool, {
      annotators: 6,
      selection: "leaderboard",
      overlap: null,
      items: [
        ...Array.from({ length: 12 }, (_, n) => close(n)),
        ...Array.from({ length: 12 }, (_, n) => settled(n, ["m-a", "m-c"])),
        ...Array.from({ length: 12 }, (_, n) => settled(n, ["m-b", "m-c"])),
      ],
    });
    await reestimateProject(db.pool, crowd.projectId);
    const priority = async (n: number) => (await item(crowd.itemIds[n]!)).priority;
    expect(await priority(0)).toBeGreaterThan(await priority(12));
    expect(await priority(0)).toBeGreaterThan(await priority(24));
  });
});
