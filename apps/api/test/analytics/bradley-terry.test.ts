import { describe, expect, it } from "vitest";
import { eloScale, fitBradleyTerry } from "../../src/lib/analytics/bradley-terry";
import { buildLeaderboard, type ItemGames } from "../../src/lib/analytics/leaderboard";
import { seededRandom } from "../../src/lib/analytics/random";

// wins[i][j]: games i won against j (ties already split as half a win each way). Every
// model has won and lost, and the comparison graph is connected, so the MLE exists.
const FIXTURE = [
  [0, 7, 5, 9],
  [3, 0, 6, 4],
  [5, 4, 0, 2.5],
  [1, 6, 7.5, 0],
];

/** The score equations written out independently of the implementation. */
function scoreEquations(wins: number[][], theta: number[]): number[] {
  return theta.map((ti, i) => {
    let observed = 0;
    let expected = 0;
    theta.forEach((tj, j) => {
      if (i === j) return;
      observed += wins[i]![j]!;
      expected += ((wins[i]![j]! + wins[j]![i]!) * Math.exp(ti)) / (Math.exp(ti) + Math.exp(tj));
    });
    return observed - expected;
  });
}

/** Zermelo's (1929) fixed-point iteration, run to convergence, as a second reference. */
function zermelo(wins: number[][]): number[] {
  let p = wins.map(() => 1);
  for (let it = 0; it < 20_000; it++) {
    p = p.map((pi, i) => {
      let w = 0;
      let d = 0;
      p.forEach((pj, j) => {
        if (i === j) return;
        w += wins[i]![j]!;
        d += (wins[i]![j]! + wins[j]![i]!) / (pi + pj);
      });
      return w / d;
    });
  }
  const logs = p.map(Math.log);
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  return logs.map((x) => x - mean);
}

describe("Bradley-Terry maximum likelihood", () => {
  const fit = fitBradleyTerry(FIXTURE);

  it("converges to a point where the gradient of the log-likelihood is ~0", () => {
    expect(fit.converged).toBe(true);
    for (const g of scoreEquations(FIXTURE, fit.theta)) expect(Math.abs(g)).toBeLessThan(1e-8);
  });

  it("agrees with Zermelo's iteration and is centred", () => {
    const reference = zermelo(FIXTURE);
    fit.theta.forEach((t, i) => {
      expect(t).toBeCloseTo(reference[i]!, 6);
    });
    expect(fit.theta.reduce((s, x) => s + x, 0)).toBeCloseTo(0, 10);
  });

  it("recovers known strengths from simulated games", () => {
    const truth = [-1, -0.3, 0.4, 0.9];
    const random = seededRandom(7);
    const wins = truth.map(() => truth.map(() => 0));
    for (let g = 0; g < 20_000; g++) {
      const i = Math.floor(random() * 4);
      const j = (i + 1 + Math.floor(random() * 3)) % 4;
      const iWins = random() < 1 / (1 + Math.exp(truth[j]! - truth[i]!));
      if (iWins) wins[i]![j]! += 1;
      else wins[j]![i]! += 1;
    }
    const { theta, converged } = fitBradleyTerry(wins);
    expect(converged).toBe(true);
    theta.forEach((t, i) => {
      expect(Math.abs(t - truth[i]!)).toBeLessThan(0.1);
    });
  });

  it("maps strengths to an Elo-like scale: +400 points is 10:1 odds", () => {
    expect(eloScale(0)).toBe(1000);
    expect(eloScale(Math.LN10) - eloScale(0)).toBeCloseTo(400, 10);
  });
});

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
