import {
  aggregatePairwise,
  aggregateRankings,
  PAIRWISE_CLASSES,
  type TPairwiseClass,
  type TPairwiseItem,
  type TPairwiseJudgment,
  type TRankingEstimate,
  type TRankingItem,
  type TRankingJudgment,
} from "@arbiter/aggregation";
import type { TExportRequest } from "@arbiter/shared";
import { type FilteredJudgment, judgmentExclusion, kindOf, type OutcomeKind } from "./aggregate";
import type { ExportJudgment } from "./types";

/** The posterior of an item's answer, seen from a row's chosen and rejected completion. */
export type SoftLabel = { chosen: number; rejected: number; tie: number; both_bad: number };

/** What the model says about one item. */
export type ItemConsensus = {
  kind: OutcomeKind;
  /** Completion ids grouped best-first, canonical order inside a group. */
  ranking: string[][];
  /** Posterior probability of the leading answer; K-wise, of the weakest adjacent link. */
  confidence: number;
  pair: (chosen: string, rejected: string) => SoftLabel;
  /** K-wise: the difference of expected wins over K − 1. */
  margin: (x: string, y: string) => number;
};
export type Consensus = Map<string, ItemConsensus>;

/** A gold item's known answer as stored: a completion id, "tie" or "both_bad", or a ranking of ids. */
export type GoldAnswer = { preferred?: string; ranking?: string[][] };

export type FitItem = { id: string; completions: string[]; gold: GoldAnswer | null };
export type FitJudgment = FilteredJudgment &
  Pick<ExportJudgment, "annotatorId" | "ranking" | "shownOrder"> & { itemId: string };
/** Every current judgment of a project's items that are not retired, in compact form. */
export type ConsensusInput = { items: FitItem[]; judgments: FitJudgment[] };

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function answerOf(item: FitItem, j: FitJudgment): TPairwiseClass {
  const kind = kindOf(j);
  if (kind !== "preference") return kind;
  return j.ranking![0]![0] === item.completions[0] ? "first" : "second";
}

function goldClass(item: FitItem): TPairwiseClass | null {
  const preferred = item.gold?.preferred;
  if (preferred === undefined) return null;
  if (preferred === "tie") return "tie";
  if (preferred === "both_bad") return "bothBad";
  return preferred === item.completions[0] ? "first" : "second";
}

function fitPairwise(items: FitItem[], judgments: FitJudgment[], into: Consensus): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  const modelItems: TPairwiseItem[] = items.map((i) => ({
    id: i.id,
    completions: [i.completions[0]!, i.completions[1]!],
    gold: goldClass(i),
  }));
  const answers: TPairwiseJudgment[] = judgments.map((j) => ({
    itemId: j.itemId,
    annotatorId: j.annotatorId,
    answer: answerOf(byId.get(j.itemId)!, j),
    shownFirst: j.shownOrder[0]!,
  }));
  // Only the classes the data uses: a project that never offers ties gets no tie mass.
  const used = new Set<TPairwiseClass>(["first", "second"]);
  for (const a of answers) used.add(a.answer);
  for (const i of modelItems) if (i.gold) used.add(i.gold);
  const classes = PAIRWISE_CLASSES.filter((c) => used.has(c));
  const fit = aggregatePairwise(modelItems, answers, { classes });
  const p = (posterior: number[], c: TPairwiseClass) => {
    const index = classes.indexOf(c);
    return index < 0 ? 0 : round4(posterior[index]!);
  };
  for (const estimate of fit.items) {
    const [a, b] = byId.get(estimate.itemId)!.completions as [string, string];
    const { posterior, leading } = estimate;
    into.set(estimate.itemId, {
      kind: leading === "first" || leading === "second" ? "preference" : leading,
      ranking: leading === "first" ? [[a], [b]] : leading === "second" ? [[b], [a]] : [[a, b]],
      confidence: round4(estimate.confidence),
      pair: (chosen) => {
        const [x, y]: [TPairwiseClass, TPairwiseClass] =
          chosen === a ? ["first", "second"] : ["second", "first"];
        return {
          chosen: p(posterior, x),
          rejected: p(posterior, y),
          tie: p(posterior, "tie"),
          both_bad: p(posterior, "bothBad"),
        };
      },
      margin: () => 0,
    });
  }
}

/** Adjacent completions of the consensus order share a group when "tied" is their most likely relation. */
function groupsOf(estimate: TRankingEstimate, position: Map<string, number>): string[][] {
  const groups: string[][] = [[estimate.order[0]!]];
  for (let r = 1; r < estimate.order.length; r++) {
    const [u, v] = [estimate.order[r - 1]!, estimate.order[r]!];
    const link = estimate.pairs.find((p) => p.better === u && p.worse === v)!;
    if (link.tie > link.probability && link.tie > 1 - link.probability - link.tie) groups.at(-1)!.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.sort((x, y) => position.get(x)! - position.get(y)!));
}

function fitRankings(items: FitItem[], judgments: FitJudgment[], into: Consensus): void {
  const modelItems: TRankingItem[] = items.map((i) => ({
    id: i.id,
    completions: i.completions,
    gold: i.gold?.ranking ?? null,
  }));
  // "Both bad" ranks nothing, so it says nothing about the order.
  const answers: TRankingJudgment[] = judgments
    .filter((j) => kindOf(j) !== "bothBad")
    .map((j) => ({
      itemId: j.itemId,
      annotatorId: j.annotatorId,
      ranking: j.ranking!,
      shownOrder: j.shownOrder,
    }));
  const fit = aggregateRankings(modelItems, answers);
  items.forEach((item, i) => {
    const estimate = fit.items[i]!;
    const position = new Map(item.completions.map((c, x) => [c, x]));
    const wins = new Map(item.completions.map((c) => [c, 0]));
    for (const p of estimate.pairs) {
      const worse = 1 - p.probability - p.tie;
      wins.set(p.better, wins.get(p.better)! + p.probability + p.tie / 2);
      wins.set(p.worse, wins.get(p.worse)! + worse + p.tie / 2);
    }
    const ranking = groupsOf(estimate, position);
    into.set(item.id, {
      kind: ranking.length === 1 ? "tie" : "preference",
      ranking,
      confidence: round4(estimate.confidence),
      pair: (chosen, rejected) => {
        const p = estimate.pairs.find(
          (q) =>
            (q.better === chosen && q.worse === rejected) || (q.better === rejected && q.worse === chosen),
        )!;
        const [forChosen, forRejected] =
          p.better === chosen
            ? [p.probability, 1 - p.probability - p.tie]
            : [1 - p.probability - p.tie, p.probability];
        return { chosen: round4(forChosen), rejected: round4(forRejected), tie: round4(p.tie), both_bad: 0 };
      },
      margin: (x, y) => round4(Math.max(0, wins.get(x)! - wins.get(y)!) / (item.completions.length - 1)),
    });
  });
}

/**
 * One Dawid–Skene fit over all of a project's votes (the judgments the request's
 * judgment-level filters keep), so that each annotator's reliability is learnt from
 * everything they answered and gold items anchor it even when their rows are left out.
 * Pairwise and K-wise items are fitted apart; each item's answer is then read from it.
 */
export function fitConsensus(input: ConsensusInput, req: TExportRequest): Consensus {
  const votes = input.judgments.filter((j) => judgmentExclusion(j, req) === null);
  const consensus: Consensus = new Map();
  const pairwise = new Set(input.items.filter((i) => i.completions.length === 2).map((i) => i.id));
  fitPairwise(
    input.items.filter((i) => pairwise.has(i.id)),
    votes.filter((j) => pairwise.has(j.itemId)),
    consensus,
  );
  const ranked = input.items.filter((i) => i.completions.length > 2);
  if (ranked.length > 0)
    fitRankings(
      ranked,
      votes.filter((j) => !pairwise.has(j.itemId)),
      consensus,
    );
  return consensus;
}
