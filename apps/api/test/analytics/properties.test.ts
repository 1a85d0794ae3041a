import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kendallW, ranksFromGroups } from "../../src/lib/analytics/kendall-w";
import { krippendorffAlpha } from "../../src/lib/analytics/krippendorff";
import { buildLeaderboard, type ItemGames } from "../../src/lib/analytics/leaderboard";

const MODELS = ["m0", "m1", "m2", "m3", "m4"];

const arbitraryGames = fc
  .array(
    fc.record({
      a: fc.constantFrom(...MODELS),
      b: fc.constantFrom(...MODELS),
      aWins: fc.nat(3),
      bWins: fc.nat(3),
      ties: fc.nat(2),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((list) => list.map((g, k): ItemGames => ({ ...g, item: `item${k}` })));

const units = fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 6 }), { maxLength: 30 });

describe("invariants (fast-check)", () => {
  it("alpha stays within [-1, 1] for nominal and ordinal data", () => {
    fc.assert(
      fc.property(units, (u) => {
        for (const metric of ["nominal", "ordinal"] as const) {
          const alpha = krippendorffAlpha(u, metric);
          if (alpha !== null) {
            expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
            expect(alpha).toBeGreaterThanOrEqual(-1 - 1e-12);
          }
        }
      }),
    );
  });

  it("Kendall's W stays within [0, 1], ties included", () => {
    const objects = ["a", "b", "c", "d"];
    const ranking = fc.shuffledSubarray(objects, { minLength: 4, maxLength: 4 }).chain((order) =>
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }).map((cuts) => {
        // cuts[i] starts a new (worse) group before order[i + 1]; otherwise it ties with the previous.
        const groups: string[][] = [[order[0]!]];
        order.slice(1).forEach((id, i) => {
          if (cuts[i]) groups.push([id]);
          else groups.at(-1)!.push(id);
        });
        return groups;
      }),
    );
    fc.assert(
      fc.property(fc.array(ranking, { minLength: 2, maxLength: 6 }), (rankings) => {
        const w = kendallW(rankings.map((g) => ranksFromGroups(g, objects)));
        if (w !== null) {
          expect(w).toBeGreaterThanOrEqual(-1e-12);
          expect(w).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it("Bradley-Terry ratings do not depend on the models' labels", () => {
    fc.assert(
      fc.property(
        arbitraryGames,
        fc.shuffledSubarray(MODELS, { minLength: 5, maxLength: 5 }),
        (games, perm) => {
          const rename = new Map(MODELS.map((m, i) => [m, `x${perm[i]}`]));
          const before = buildLeaderboard(games, { rounds: 0 });
          const after = buildLeaderboard(
            games.map((g) => ({ ...g, a: rename.get(g.a)!, b: rename.get(g.b)! })),
            { rounds: 0 },
          );
          const ratings = new Map(after.rows.map((r) => [r.model, r.rating]));
          for (const row of before.rows)
            expect(ratings.get(rename.get(row.model)!)).toBeCloseTo(row.rating, 6);
        },
      ),
    );
  });

  it("duplicating every game leaves the leaderboard order unchanged", () => {
    fc.assert(
      fc.property(arbitraryGames, (games) => {
        const once = buildLeaderboard(games, { rounds: 0 });
        const twice = buildLeaderboard([...games, ...games.map((g) => ({ ...g, item: `${g.item}-copy` }))], {
          rounds: 0,
        });
        const rating = new Map(twice.rows.map((r) => [r.model, r.rating]));
        expect(twice.rows.map((r) => r.model).sort()).toEqual(once.rows.map((r) => r.model).sort());
        // Adjacent rows keep their order, unless their ratings are equal to rounding.
        for (let k = 1; k < once.rows.length; k++) {
          const higher = once.rows[k - 1]!;
          const lower = once.rows[k]!;
          if (higher.rating - lower.rating > 1e-6)
            expect(rating.get(higher.model)!).toBeGreaterThan(rating.get(lower.model)!);
        }
      }),
    );
  });
});
