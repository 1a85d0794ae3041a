import type { TDirichletPrior } from "./dawid-skene";
import {
  aggregatePairwise,
  type TAnnotatorEstimate,
  type TPairwiseClass,
  type TPairwiseItem,
  type TPairwiseJudgment,
} from "./pairwise";

/** A ranking, best first; completions in one group are tied. */
export type TRanking = readonly (readonly string[])[];

export type TRankingItem = { id: string; completions: readonly string[]; gold?: TRanking | null };

export type TRankingJudgment = {
  itemId: string;
  annotatorId: string;
  ranking: TRanking;
  /** Completion ids in the order the annotator saw them. */
  shownOrder: readonly string[];
};

export type TPairPosterior = { better: string; worse: string; probability: number; tie: number };

export type TRankingEstimate = {
  itemId: string;
  /** Consensus order, best first, by expected wins (a tie counts half). */
  order: string[];
  /** The weakest adjacent link: min over neighbours u above v of P(u is not worse than v). */
  confidence: number;
  /** Every pair, written the way round the consensus prefers. */
  pairs: TPairPosterior[];
  judgments: number;
};

export type TRankingAggregation = {
  items: TRankingEstimate[];
  annotators: TAnnotatorEstimate[];
  iterations: number;
  converged: boolean;
};

const RANKING_CLASSES: TPairwiseClass[] = ["first", "second", "tie"];
const SEPARATOR = "\u0000";

function relation(ranking: TRanking, a: string, b: string): TPairwiseClass | null {
  const ga = ranking.findIndex((group) => group.includes(a));
  const gb = ranking.findIndex((group) => group.includes(b));
  if (ga < 0 || gb < 0) return null;
  return ga < gb ? "first" : ga > gb ? "second" : "tie";
}

/**
 * Pairwise-decomposed Dawid–Skene: every ranking becomes its K(K−1)/2 pairwise relations
 * (better, worse or tied), and each annotator's one confusion matrix, position term
 * included, is shared by all the pairs they judged.
 */
export function aggregateRankings(
  items: readonly TRankingItem[],
  judgments: readonly TRankingJudgment[],
  options: { prior?: TDirichletPrior; tolerance?: number; maxIterations?: number } = {},
): TRankingAggregation {
  const pairItems: TPairwiseItem[] = [];
  const pairsOf = new Map<string, { a: string; b: string; id: string }[]>();
  for (const item of items) {
    const pairs: { a: string; b: string; id: string }[] = [];
    item.completions.forEach((a, x) => {
      for (const b of item.completions.slice(x + 1)) {
        const id = [item.id, a, b].join(SEPARATOR);
        pairs.push({ a, b, id });
        pairItems.push({ id, completions: [a, b], gold: item.gold ? relation(item.gold, a, b) : null });
      }
    });
    pairsOf.set(item.id, pairs);
  }
  const pairJudgments: TPairwiseJudgment[] = [];
  const judgmentCounts = new Map<string, number>();
  for (const j of judgments) {
    const pairs = pairsOf.get(j.itemId);
    if (!pairs) throw new Error(`judgment for unknown item ${j.itemId}`);
    judgmentCounts.set(j.itemId, (judgmentCounts.get(j.itemId) ?? 0) + 1);
    for (const { a, b, id } of pairs) {
      const answer = relation(j.ranking, a, b);
      if (!answer) continue;
      const shownFirst = j.shownOrder.indexOf(a) <= j.shownOrder.indexOf(b) ? a : b;
      pairJudgments.push({ itemId: id, annotatorId: j.annotatorId, answer, shownFirst });
    }
  }
  const fit = aggregatePairwise(pairItems, pairJudgments, { ...options, classes: RANKING_CLASSES });
  const posteriors = new Map(fit.items.map((e) => [e.itemId, e.posterior]));

  const estimates = items.map((item): TRankingEstimate => {
    const pairs = pairsOf.get(item.id)!;
    const wins = new Map(item.completions.map((c) => [c, 0]));
    const beats = new Map<string, number>();
    for (const { a, b, id } of pairs) {
      const [first, second, tie] = posteriors.get(id)!;
      wins.set(a, wins.get(a)! + first! + tie! / 2);
      wins.set(b, wins.get(b)! + second! + tie! / 2);
      beats.set([a, b].join(SEPARATOR), first!);
      beats.set([b, a].join(SEPARATOR), second!);
    }
    const order = [...item.completions].sort((u, v) => wins.get(v)! - wins.get(u)!);
    const rank = new Map(order.map((c, r) => [c, r]));
    const pairPosteriors = pairs.map(({ a, b }): TPairPosterior => {
      const [better, worse] = rank.get(a)! <= rank.get(b)! ? [a, b] : [b, a];
      const p = beats.get([better, worse].join(SEPARATOR))!;
      return { better, worse, probability: p, tie: 1 - p - beats.get([worse, better].join(SEPARATOR))! };
    });
    let confidence = 1;
    for (let r = 0; r + 1 < order.length; r++) {
      const link = pairPosteriors.find((p) => p.better === order[r] && p.worse === order[r + 1])!;
      confidence = Math.min(confidence, link.probability + link.tie);
    }
    return {
      itemId: item.id,
      order,
      confidence,
      pairs: pairPosteriors,
      judgments: judgmentCounts.get(item.id) ?? 0,
    };
  });
  return {
    items: estimates,
    annotators: fit.annotators,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
