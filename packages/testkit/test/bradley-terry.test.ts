import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSyntheticAnswers, createTestDatabase, seedBradleyTerryProject, type TestDatabase } from "../src";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const one = async <T>(sql: string, values: unknown[]) => (await db.pool.query(sql, values)).rows[0] as T;

/**
 * 3,000 answers between two models of these strengths; then, among decided answers, the
 * share the first model won and the share the option shown first won, and the share of ties.
 */
async function rates(strengths: [number, number], opts: { tieRate: number; firstShownBias?: number }) {
  const p = await seedBradleyTerryProject(db.pool, {
    judgments: 3_000,
    models: strengths.map((strength, i) => ({ name: `m${i}`, strength })),
    ...opts,
  });
  return one<{ won: number; ties: number; first_shown: number }>(
    `SELECT avg((c.model = 'm0')::int) FILTER (WHERE j.choice <> 'tie')::float8 AS won,
            avg((j.choice = 'tie')::int)::float8 AS ties,
            avg((j.choice = 'A')::int) FILTER (WHERE j.choice <> 'tie')::float8 AS first_shown
       FROM judgments j LEFT JOIN completions c ON c.id = (j.ranking->0->>0)::uuid AND jsonb_array_length(j.ranking->0) = 1
      WHERE j.project_id = $1`,
    [p.projectId],
  );
}

describe("seedBradleyTerryProject", () => {
  it("writes the requested counts: items, open items, answers, distinct annotators per item", async () => {
    const p = await seedBradleyTerryProject(db.pool, { judgments: 100, openItems: 5, annotators: 7 });
    // 100 answers at 3 per item: 33 full items, one with a single answer, then 5 open.
    expect(p.items).toBe(39);
    expect(p.annotatorIds).toHaveLength(7);
    const counts = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM judgments WHERE project_id = $1) AS judgments,
              (SELECT count(*)::int FROM assignments WHERE project_id = $1 AND status = 'SUBMITTED') AS assignments,
              (SELECT count(*)::int FROM items WHERE project_id = $1 AND status = 'COMPLETE') AS complete,
              (SELECT count(*)::int FROM items WHERE project_id = $1 AND status = 'OPEN') AS open,
              (SELECT count(*)::int FROM items i WHERE project_id = $1
                  AND judgments_count <> (SELECT count(*) FROM judgments j WHERE j.item_id = i.id)) AS miscounted,
              (SELECT count(*)::int FROM item_completions ic JOIN items i ON i.id = ic.item_id WHERE i.project_id = $1) AS sides,
              (SELECT count(DISTINCT (item_id, annotator_id))::int FROM judgments WHERE project_id = $1) AS distinct_pairs,
              (SELECT count(*)::int FROM project_members WHERE project_id = $1 AND role = 'OWNER' AND user_id = $2) AS owners`,
      [p.projectId, p.ownerId],
    );
    expect(counts).toEqual({
      judgments: 100,
      assignments: 100,
      complete: 33,
      open: 6,
      miscounted: 0,
      sides: 78,
      distinct_pairs: 100,
      owners: 1,
    });
    // Every pair of the five default models comes up.
    const pairs = await db.pool.query(
      `SELECT DISTINCT least(c0.model, c1.model) AS a, greatest(c0.model, c1.model) AS b
         FROM items i
         JOIN item_completions x ON x.item_id = i.id AND x.position = 0 JOIN completions c0 ON c0.id = x.completion_id
         JOIN item_completions y ON y.item_id = i.id AND y.position = 1 JOIN completions c1 ON c1.id = y.completion_id
        WHERE i.project_id = $1 AND c0.model <> c1.model`,
      [p.projectId],
    );
    expect(pairs.rowCount).toBe(10);
  });

  it("draws winners with the models' true odds and the asked share of ties", async () => {
    const r = await rates([1, 0], { tieRate: 0.1 });
    // 1 / (1 + e^-1) = 0.731; about 2,700 decided answers put the standard error near 0.009.
    expect(r.won).toBeGreaterThan(0.731 - 0.035);
    expect(r.won).toBeLessThan(0.731 + 0.035);
    expect(r.ties).toBeGreaterThan(0.1 - 0.025);
    expect(r.ties).toBeLessThan(0.1 + 0.025);
    // Without a bias the option shown first wins half the time.
    expect(Math.abs(r.first_shown - 0.5)).toBeLessThan(0.035);
  });

  it("adds the asked pull towards the option shown first, and no ties when asked for none", async () => {
    const r = await rates([0, 0], { tieRate: 0, firstShownBias: 0.4 });
    expect(r.ties).toBe(0);
    // 1 / (1 + e^-0.4) = 0.599.
    expect(Math.abs(r.first_shown - 0.599)).toBeLessThan(0.035);
    expect(Math.abs(r.won - 0.5)).toBeLessThan(0.035);
  });

  it("takes an existing user as owner, keeping their role", async () => {
    const admin = await db.prisma.user.create({
      data: { email: "admin@kit.test", name: "Admin", role: "ADMIN" },
    });
    const p = await seedBradleyTerryProject(db.pool, {
      judgments: 3,
      ownerEmail: admin.email,
      annotators: 3,
    });
    expect(p.ownerId).toBe(admin.id);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });
});

describe("addSyntheticAnswers", () => {
  it("adds one answer to each item of the range, from an annotator new to that item", async () => {
    const p = await seedBradleyTerryProject(db.pool, { judgments: 60, annotators: 5 });
    await addSyntheticAnswers(db.pool, p, { fromItem: 4, count: 10 });
    await addSyntheticAnswers(db.pool, p, { fromItem: 10, count: 2 });
    const { rows } = await db.pool.query(
      `SELECT p.external_id::int AS n, count(*)::int AS answers, count(DISTINCT j.annotator_id)::int AS annotators
         FROM judgments j JOIN items i ON i.id = j.item_id JOIN prompts p ON p.id = i.prompt_id
        WHERE j.project_id = $1 GROUP BY 1 ORDER BY 1`,
      [p.projectId],
    );
    const expected = Array.from({ length: 20 }, (_, n) => {
      const answers = 3 + (n >= 4 && n < 14 ? 1 : 0) + (n >= 10 && n < 12 ? 1 : 0);
      return { n, answers, annotators: answers };
    });
    expect(rows).toEqual(expected);
  });
});
