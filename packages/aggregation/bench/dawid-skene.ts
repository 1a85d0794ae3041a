import { aggregatePairwise, PAIRWISE_CLASSES, type TPairwiseJudgment } from "../src/index";
import { simulateCrowd } from "../test/support/crowd";

/**
 * Times the pairwise model at the size of a large project: 10,000 items × 5 answers from
 * 200 annotators (50,000 judgments), fitted cold, then refitted after 500 new answers
 * starting from the previous result, as a worker job would.
 */
const crowd = simulateCrowd({
  seed: 1,
  items: 10_000,
  perItem: 5,
  accurate: 180,
  randomClickers: 19,
  classes: PAIRWISE_CLASSES,
  truthWeights: [0.42, 0.42, 0.08, 0.08],
});

function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

const cold = timed(`cold fit, ${crowd.judgments.length} judgments`, () =>
  aggregatePairwise(crowd.items, crowd.judgments),
);
console.log(`  ${cold.iterations} EM sweeps, converged: ${cold.converged}`);

const extra: TPairwiseJudgment[] = crowd.items.slice(0, 500).map((item, k) => ({
  itemId: item.id,
  annotatorId: `late-${k % 10}`,
  answer: crowd.truth.get(item.id)!,
  shownFirst: item.completions[k % 2]!,
}));
const judgments = [...crowd.judgments, ...extra];
const warm = timed(`warm refit after ${extra.length} more`, () =>
  aggregatePairwise(crowd.items, judgments, { previous: cold }),
);
console.log(`  ${warm.iterations} EM sweeps, converged: ${warm.converged}`);

const right = warm.items.filter((e) => e.leading === crowd.truth.get(e.itemId)).length;
console.log(`label accuracy: ${(right / warm.items.length).toFixed(3)}`);
