import type { TPairwiseClass, TPairwiseItem, TPairwiseJudgment } from "../../src/pairwise";
import { seededRandom } from "../../src/random";

export type TPlantedAnnotator = {
  id: string;
  kind: "accurate" | "random" | "always-first";
  accuracy: number;
};

export type TCrowd = {
  items: TPairwiseItem[];
  judgments: TPairwiseJudgment[];
  truth: Map<string, TPairwiseClass>;
  annotators: TPlantedAnnotator[];
  random: () => number;
};

/** Beta(8, 2): the 8th smallest of 9 uniforms. */
function beta82(random: () => number): number {
  return Array.from({ length: 9 }, random).sort((a, b) => a - b)[7]!;
}

function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)]!;
}

/**
 * A simulated crowd: `accurate` annotators with Beta(8, 2) accuracies (a wrong answer is a
 * uniformly drawn other class), random clickers, and one who always picks what was shown
 * first; every item gets `perItem` answers from distinct annotators, shown order drawn fresh.
 */
export function simulateCrowd(options: {
  seed: number;
  items: number;
  perItem: number;
  accurate: number;
  randomClickers: number;
  classes: readonly TPairwiseClass[];
  truthWeights: readonly number[];
}): TCrowd {
  const random = seededRandom(options.seed);
  const { classes } = options;
  const annotators: TPlantedAnnotator[] = [
    ...Array.from({ length: options.accurate }, (_, k) => ({
      id: `accurate-${String(k).padStart(2, "0")}`,
      kind: "accurate" as const,
      accuracy: beta82(random),
    })),
    ...Array.from({ length: options.randomClickers }, (_, k) => ({
      id: `random-${k}`,
      kind: "random" as const,
      accuracy: 1 / classes.length,
    })),
    { id: "always-first", kind: "always-first", accuracy: Number.NaN },
  ];
  const items: TPairwiseItem[] = [];
  const judgments: TPairwiseJudgment[] = [];
  const truth = new Map<string, TPairwiseClass>();
  for (let n = 0; n < options.items; n++) {
    const id = `item-${n}`;
    const completions = [`${id}-a`, `${id}-b`] as const;
    let u = random();
    let c = 0;
    while (c < classes.length - 1 && u >= options.truthWeights[c]!) u -= options.truthWeights[c++]!;
    const t = classes[c]!;
    truth.set(id, t);
    items.push({ id, completions });
    const chosen = new Set<number>();
    while (chosen.size < options.perItem) chosen.add(Math.floor(random() * annotators.length));
    for (const a of chosen) {
      const annotator = annotators[a]!;
      const shownFirst = random() < 0.5 ? completions[0] : completions[1];
      let answer: TPairwiseClass;
      if (annotator.kind === "always-first") answer = shownFirst === completions[0] ? "first" : "second";
      else if (annotator.kind === "random") answer = pick(classes, random);
      else if (random() < annotator.accuracy) answer = t;
      else
        answer = pick(
          classes.filter((x) => x !== t),
          random,
        );
      judgments.push({ itemId: id, annotatorId: annotator.id, answer, shownFirst });
    }
  }
  return { items, judgments, truth, annotators, random };
}

/** Most votes wins; a tie between classes goes to the one listed first. */
export function majorityVote(crowd: TCrowd, classes: readonly TPairwiseClass[]): Map<string, TPairwiseClass> {
  const counts = new Map<string, number[]>();
  for (const j of crowd.judgments) {
    const row = counts.get(j.itemId) ?? classes.map(() => 0);
    row[classes.indexOf(j.answer)]! += 1;
    counts.set(j.itemId, row);
  }
  return new Map([...counts].map(([id, row]) => [id, classes[row.indexOf(Math.max(...row))]!]));
}
