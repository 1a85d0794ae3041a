import { seededRandom } from "@arbiter/aggregation";
import { describe, expect, it } from "vitest";
import { buildLeaderboard, type ItemGames } from "../../src/lib/analytics/leaderboard";

describe("leaderboard", () => {
  // Three models; each item is one pairwise judgment.
  function simulate(seed: number, items: number): ItemGames[] {
    const strength: Record<string, number> = { alpha: 0.8, beta: 0, gamma: -0.8 };
    const names = Object.keys(strength);
    const random = seededRandom(seed);
    return Array.from({ length: items }, (_, k) => {
      const a = names[k % 3]!;
      const b = names[(k + 1) % 3]!;
      const p = 1 / (1 + Math.exp(strength[b]! - strength[a]!));
      const u = random();
      const tie = u > 0.9;
      const aWin = !tie && random() < p;
      return { item: `i${k}`, a, b, aWins: aWin ? 1 : 0, bWins: !tie && !aWin ? 1 : 0, ties: tie ? 1 : 0 };
    });
  }

  it("counts wins, ties and losses, orders by rating and brackets it with a bootstrap interval", () => {
    const board = buildLeaderboard(simulate(1, 900));
    expect(board.rows.map((r) => r.model)).toEqual(["alpha", "beta", "gamma"]);
    expect(board.items).toBe(900);
    for (const row of board.rows) {
      expect(row.wins + row.ties + row.losses).toBe(row.games);
      expect(row.games).toBe(600);
      expect(row.ratingCi!.low).toBeLessThan(row.rating);
      expect(row.ratingCi!.high).toBeGreaterThan(row.rating);
      expect(row.winRateCi.low).toBeLessThan(row.winRate);
    }
    const totalWins = board.rows.reduce((s, r) => s + r.wins, 0);
    expect(totalWins).toBe(board.rows.reduce((s, r) => s + r.losses, 0));
  });

  it("is deterministic for a seed (the page does not flicker between loads)", () => {
    const games = simulate(2, 300);
    expect(buildLeaderboard(games)).toEqual(buildLeaderboard(games));
  });

  it("fills the win-rate matrix so that rates[i][j] + rates[j][i] = 1", () => {
    const { matrix } = buildLeaderboard(simulate(3, 300), { rounds: 0 });
    expect(matrix.models).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      expect(matrix.rates[i]![i]).toBeNull();
      for (let j = 0; j < 3; j++)
        if (i !== j) expect(matrix.rates[i]![j]! + matrix.rates[j]![i]!).toBeCloseTo(1, 12);
    }
  });

  it("keeps strengths finite when a model lost every game", () => {
    const games: ItemGames[] = Array.from({ length: 50 }, (_, k) => ({
      item: `i${k}`,
      a: k % 2 ? "good" : "fair",
      b: "hopeless",
      aWins: 1,
      bWins: 0,
      ties: 0,
    })).concat([{ item: "x", a: "good", b: "fair", aWins: 3, bWins: 2, ties: 1 }]);
    const board = buildLeaderboard(games, { rounds: 20 });
    expect(board.rows.at(-1)!.model).toBe("hopeless");
    for (const row of board.rows) expect(Number.isFinite(row.rating)).toBe(true);
  });

  it("is empty without games between different models", () => {
    const board = buildLeaderboard([{ item: "i", a: "m", b: "m", aWins: 1, bWins: 0, ties: 0 }]);
    expect(board.rows).toEqual([]);
    expect(board.items).toBe(0);
  });
});
