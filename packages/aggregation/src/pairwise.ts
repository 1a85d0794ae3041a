import { DEFAULT_PRIOR, fitDawidSkene, type TCoreObservation, type TDirichletPrior } from "./dawid-skene";
import { betaInterval } from "./interval";

/** Answer classes over an item's canonical completions (its upload order), not the shown order. */
export const PAIRWISE_CLASSES = ["first", "second", "tie", "bothBad"] as const;
export type TPairwiseClass = (typeof PAIRWISE_CLASSES)[number];

export type TPairwiseItem = {
  id: string;
  /** Canonical completion ids: "first" means completions[0] is better. */
  completions: readonly [string, string];
  gold?: TPairwiseClass | null;
};

export type TPairwiseJudgment = {
  itemId: string;
  annotatorId: string;
  answer: TPairwiseClass;
  /** The completion id the annotator saw first. */
  shownFirst: string;
};

export type TAggregationOptions = {
  /** The classes the project allows, "first" and "second" always among them; all four by default. */
  classes?: readonly TPairwiseClass[];
  prior?: TDirichletPrior;
  tolerance?: number;
  maxIterations?: number;
  /** A previous result: its item posteriors start EM, so an update after a few new answers takes few sweeps. */
  previous?: { classes: readonly TPairwiseClass[]; items: readonly TItemEstimate[] };
};

export type TItemEstimate = {
  itemId: string;
  /** Soft label: probability of each class, aligned with the result's `classes`. */
  posterior: number[];
  leading: TPairwiseClass;
  /** Posterior probability of `leading`. */
  confidence: number;
  judgments: number;
  gold: boolean;
};

export type TAnnotatorEstimate = {
  annotatorId: string;
  answers: number;
  /** Expected share of answers that match the truth, with the pseudo-counts of the prior. */
  accuracy: number;
  /** Central 95 % interval of the accuracy's Beta posterior. */
  accuracyInterval: [number, number];
  /** P(answers "shown first") − P(answers "shown second") over strict truths, each position equally likely: 0 unbiased, 1 always first. */
  positionBias: number;
  /** true × answered class in shown-position space: shownFirst, shownSecond, then tie / bothBad where allowed. */
  confusion: number[][];
};

export type TPairwiseAggregation = {
  classes: TPairwiseClass[];
  /** In the order of the input items. */
  items: TItemEstimate[];
  /** Sorted by annotator id. */
  annotators: TAnnotatorEstimate[];
  classPrior: number[];
  /** A typical annotator of the pool in canonical space (answers-weighted, both orders equally likely): input for `expectedConfidenceGain`. */
  poolConfusion: number[][];
  iterations: number;
  converged: boolean;
};

function classIndex(classes: readonly TPairwiseClass[], c: TPairwiseClass, where: string): number {
  const index = classes.indexOf(c);
  if (index < 0)
    throw new Error(`${where}: class "${c}" is not among the allowed classes (${classes.join(", ")})`);
  return index;
}

/** Annotator-aware consensus of pairwise answers: Dawid–Skene with the confusion in shown-position space. */
export function aggregatePairwise(
  items: readonly TPairwiseItem[],
  judgments: readonly TPairwiseJudgment[],
  options: TAggregationOptions = {},
): TPairwiseAggregation {
  const classes = [...(options.classes ?? PAIRWISE_CLASSES)];
  if (classes[0] !== "first" || classes[1] !== "second")
    throw new Error('classes must start with "first", "second"');
  const K = classes.length;
  const prior = options.prior ?? DEFAULT_PRIOR;
  // Canonical "first" is frame "shown first" unless the second completion was shown first.
  const swapped = Array.from({ length: K }, (_, c) => (c < 2 ? 1 - c : c));

  const itemIndex = new Map(items.map((item, i) => [item.id, i]));
  const annotatorIds = [...new Set(judgments.map((j) => j.annotatorId))].sort();
  const annotatorIndex = new Map(annotatorIds.map((id, a) => [id, a]));
  const judgmentCounts = new Array<number>(items.length).fill(0);
  const observations: TCoreObservation[] = judgments.map((j) => {
    const i = itemIndex.get(j.itemId);
    if (i === undefined) throw new Error(`judgment for unknown item ${j.itemId}`);
    const item = items[i]!;
    if (!item.completions.includes(j.shownFirst))
      throw new Error(
        `judgment on item ${j.itemId}: shown-first completion ${j.shownFirst} is not one of its completions`,
      );
    judgmentCounts[i]! += 1;
    const observation: TCoreObservation = {
      item: i,
      annotator: annotatorIndex.get(j.annotatorId)!,
      answer: classIndex(classes, j.answer, `judgment on item ${j.itemId}`),
    };
    if (j.shownFirst === item.completions[1]) observation.frame = swapped;
    return observation;
  });
  const gold = new Map<number, number>();
  items.forEach((item, i) => {
    if (item.gold) gold.set(i, classIndex(classes, item.gold, `gold of item ${item.id}`));
  });

  const previous = options.previous;
  const previousItems = new Map(previous?.items.map((e) => [e.itemId, e]));
  const sameClasses = previous !== undefined && previous.classes.join() === classes.join();
  const fit = fitDawidSkene(observations, {
    classCount: K,
    itemCount: items.length,
    annotatorCount: annotatorIds.length,
    gold,
    prior,
    ...(options.tolerance !== undefined && { tolerance: options.tolerance }),
    ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations }),
    initial: (i) => (sameClasses ? previousItems.get(items[i]!.id)?.posterior : undefined),
  });

  const itemEstimates: TItemEstimate[] = items.map((item, i) => {
    const posterior = fit.posterior[i]!;
    const lead = argmax(posterior);
    return {
      itemId: item.id,
      posterior,
      leading: classes[lead]!,
      confidence: posterior[lead]!,
      judgments: judgmentCounts[i]!,
      gold: gold.has(i),
    };
  });
  const annotators: TAnnotatorEstimate[] = annotatorIds.map((annotatorId, a) => {
    const confusion = fit.confusion[a]!;
    const answers = fit.answers[a]!;
    const correct = prior.diagonal + fit.agreements[a]!;
    const wrong = (K - 1) * prior.offDiagonal + answers - fit.agreements[a]!;
    return {
      annotatorId,
      answers,
      accuracy: correct / (correct + wrong),
      accuracyInterval: betaInterval(correct, wrong),
      positionBias: (confusion[0]![0]! + confusion[1]![0]! - confusion[0]![1]! - confusion[1]![1]!) / 2,
      confusion,
    };
  });
  return {
    classes,
    items: itemEstimates,
    annotators,
    classPrior: fit.classPrior,
    poolConfusion: poolConfusion(fit.confusion, fit.answers, swapped),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

/** Answers-weighted mean confusion, each matrix averaged with its position-swapped self. */
function poolConfusion(confusion: number[][][], answers: number[], swapped: number[]): number[][] {
  const K = swapped.length;
  const pool = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const total = answers.reduce((s, x) => s + x, 0);
  if (total === 0) return pool.map((row, j) => row.map((_, l) => (j === l ? 1 : 0)));
  confusion.forEach((m, a) => {
    const w = answers[a]! / total / 2;
    for (let j = 0; j < K; j++)
      for (let l = 0; l < K; l++) pool[j]![l]! += w * (m[j]![l]! + m[swapped[j]!]![swapped[l]!]!);
  });
  return pool;
}

export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
