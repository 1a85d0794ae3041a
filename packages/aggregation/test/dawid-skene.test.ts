import { describe, expect, it } from "vitest";
import { fitDawidSkene, NO_PRIOR, type TCoreObservation } from "../src/dawid-skene";
import { ANAESTHESIA } from "./fixtures/anaesthesia";

const observations: TCoreObservation[] = ANAESTHESIA.flatMap((patient, item) =>
  patient.flatMap((answers, annotator) => answers.map((answer) => ({ item, annotator, answer: answer - 1 }))),
);
const options = { classCount: 4, itemCount: 45, annotatorCount: 5 };

describe("Dawid–Skene on the 1979 anaesthesia data", () => {
  // Maximum likelihood as in the paper: no pseudo-counts, started from each patient's answer shares (its eq. 3.1).
  const ml = { ...options, prior: NO_PRIOR, tolerance: 1e-10, maxIterations: 1000 };
  const fit = fitDawidSkene(observations, ml);

  it("converges to the paper's class probabilities 0.40 and 0.42 for classes 1 and 2 (within 0.005)", () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.classPrior[0]! - 0.4)).toBeLessThan(0.005);
    expect(Math.abs(fit.classPrior[1]! - 0.42)).toBeLessThan(0.005);
    // Classes 3 and 4 share the rest: 0.112 and 0.067 at this fixed point (log-likelihood −192.89).
    expect(fit.classPrior[2]!).toBeCloseTo(0.1118, 3);
    expect(fit.classPrior[3]!).toBeCloseTo(0.0667, 3);
    expect(fit.logLikelihood).toBeCloseTo(-192.891, 2);
  });

  it("never lowers the likelihood from one EM sweep to the next (the EM guarantee)", () => {
    let previous = Number.NEGATIVE_INFINITY;
    for (let sweeps = 1; sweeps <= fit.iterations; sweeps++) {
      const { logLikelihood } = fitDawidSkene(observations, { ...ml, maxIterations: sweeps, tolerance: 0 });
      expect(logLikelihood).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = logLikelihood;
    }
  });

  it("assigns every patient, all but a few with certainty, and keeps unanimous patients in their class", () => {
    const leading = fit.posterior.map((row) => row.indexOf(Math.max(...row)) + 1);
    // prettier-ignore
    expect(leading).toEqual([
      1, 4, 2, 2, 2, 2, 1, 3, 2, 2, 4, 3, 1, 2, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1, 1, 1, 3, 1, 2, 2,
      4, 2, 3, 3, 1, 1, 1, 2, 1, 2,
    ]);
    expect(fit.posterior.filter((row) => Math.max(...row) < 0.99)).toHaveLength(3);
    ANAESTHESIA.forEach((patient, p) => {
      const answers = patient.flat();
      if (answers.every((a) => a === answers[0])) expect(leading[p]).toBe(answers[0]);
    });
  });

  it("keeps every confusion row a distribution and is deterministic", () => {
    for (const matrix of fit.confusion)
      for (const row of matrix) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(fitDawidSkene(observations, ml)).toEqual(fit);
  });

  it("stops at the iteration cap", () => {
    const capped = fitDawidSkene(observations, { ...options, maxIterations: 2, tolerance: 0 });
    expect(capped.iterations).toBe(2);
    expect(capped.converged).toBe(false);
  });
});
