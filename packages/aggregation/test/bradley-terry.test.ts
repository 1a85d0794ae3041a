import { describe, expect, it } from "vitest";
import { eloScale, fitBradleyTerry } from "../src/bradley-terry";
import { seededRandom } from "../src/random";

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
