import { describe, expect, it } from "vitest";
import { bradleyTerryCovariance, fitBradleyTerry } from "../src/bradley-terry";
import { seededRandom } from "../src/random";
import { expectedConfidenceGain, pairInformationGain } from "../src/selection";

describe("expectedConfidenceGain", () => {
  const symmetric = [
    [0.8, 0.2],
    [0.2, 0.8],
  ];

  it("matches the hand computation for a 0.6 / 0.4 item and an 80 % annotator", () => {
    // Answer "first" (prob 0.56): posterior 0.48/0.56; answer "second" (0.44): 0.32/0.44.
    // Expected confidence 0.48 + 0.32 = 0.80, so the gain is 0.80 − 0.60 = 0.20.
    expect(expectedConfidenceGain([0.6, 0.4], symmetric)).toBeCloseTo(0.2, 12);
  });

  it("is zero for a settled item and for an annotator who answers at random", () => {
    expect(expectedConfidenceGain([1, 0], symmetric)).toBe(0);
    expect(
      expectedConfidenceGain(
        [0.5, 0.5],
        [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
      ),
    ).toBe(0);
  });

  it("prefers the contested item over the nearly settled one", () => {
    expect(expectedConfidenceGain([0.55, 0.45], symmetric)).toBeGreaterThan(
      expectedConfidenceGain([0.97, 0.03], symmetric),
    );
  });
});

describe("pairInformationGain", () => {
  // Two close models in the middle, two far apart at the ends, 400 uniform games.
  const truth = [-2, -0.05, 0.05, 2];
  const random = seededRandom(5);
  const wins = truth.map(() => truth.map(() => 0));
  for (let g = 0; g < 400; g++) {
    const i = Math.floor(random() * 4);
    const j = (i + 1 + Math.floor(random() * 3)) % 4;
    if (random() < 1 / (1 + Math.exp(truth[j]! - truth[i]!))) wins[i]![j]! += 1;
    else wins[j]![i]! += 1;
  }
  const { theta } = fitBradleyTerry(wins);
  const covariance = bradleyTerryCovariance(wins, theta)!;
  const fit = { theta, covariance };

  it("gives a covariance whose rows sum to zero (centred strengths)", () => {
    for (const row of covariance) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(0, 10);
    covariance.forEach((row, i) => {
      expect(row[i]!).toBeGreaterThan(0);
    });
  });

  it("values a comparison of the overlapping close pair above the far-apart pair", () => {
    const close = pairInformationGain(fit, 1, 2);
    const far = pairInformationGain(fit, 0, 3);
    expect(close).toBeGreaterThan(far);
    expect(far).toBeGreaterThanOrEqual(0);
    expect(pairInformationGain(fit, 2, 1)).toBeCloseTo(close, 12);
    expect(pairInformationGain(fit, 1, 1)).toBe(0);
  });
});
