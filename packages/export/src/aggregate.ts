import type { TExportRequest } from "@arbiter/shared";
import type { Consensus, SoftLabel } from "./consensus";
import type { ExclusionReason, ExportCounts, ExportItem, ExportJudgment } from "./types";

export type OutcomeKind = "preference" | "tie" | "bothBad";

/** What an item contributes: one per judgment, or one per item under majority aggregation. */
export type Outcome = {
  kind: OutcomeKind;
  /** Completion ids grouped best-first, in canonical order inside a group; all in one group for a tie or both-bad. */
  ranking: string[][];
  /** How strongly x beats y, 0..1. */
  margin: (x: string, y: string) => number;
  /** Set under per-judgment aggregation. */
  judgment?: ExportJudgment;
  /** Dawid–Skene: the posterior probability of the item's leading answer (K-wise: its weakest adjacent link). */
  confidence?: number;
  /** Dawid–Skene: the posterior of the answer between two of the item's completions. */
  softLabel?: (chosen: string, rejected: string) => SoftLabel;
};

export type ItemOutcomes = { outcomes: Outcome[]; agreement: number; votes: number };

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function kindOf(j: Pick<ExportJudgment, "choice" | "ranking">): OutcomeKind {
  if (j.choice === "both_bad" || j.ranking === null) return "bothBad";
  return j.ranking.length <= 1 ? "tie" : "preference";
}

/** Groups in canonical order so that the same answer always yields the same pairs. */
function canonicalRanking(item: ExportItem, j: ExportJudgment): string[][] {
  const position = new Map(item.completions.map((c, i) => [c.id, i]));
  if (j.ranking === null) return [item.completions.map((c) => c.id)];
  return j.ranking.map((group) => [...group].sort((a, b) => position.get(a)! - position.get(b)!));
}

function groupIndex(ranking: string[][]): Map<string, number> {
  const index = new Map<string, number>();
  ranking.forEach((group, g) => {
    for (const id of group) index.set(id, g);
  });
  return index;
}

/** Pairwise strength 1..4 (negligible .. strong) becomes 0, 1/3, 2/3, 1; no strength asked counts as 1. */
function strengthMargin(strength: number | null): number {
  return strength === null ? 1 : round4((strength - 1) / 3);
}

/** The pairwise answer a judgment gives: a completion id, "tie" or "bothBad". */
function pairwiseAnswer(j: ExportJudgment): string {
  return kindOf(j) === "preference" ? j.ranking![0]![0]! : kindOf(j);
}

/** Mean stated strength of the votes for `winner`; 0 when nobody voted for it. */
function meanStrength(votes: ExportJudgment[], winner: string): number {
  const agreeing = votes.filter((v) => pairwiseAnswer(v) === winner);
  if (agreeing.length === 0) return 0;
  return round4(agreeing.reduce((s, v) => s + strengthMargin(v.strength), 0) / agreeing.length);
}

function judgmentMargin(ranking: string[][], strength: number | null, k: number): Outcome["margin"] {
  if (k === 2) return () => strengthMargin(strength);
  const index = groupIndex(ranking);
  const span = Math.max(1, ranking.length - 1);
  return (x, y) => round4((index.get(y)! - index.get(x)!) / span);
}

/**
 * Agreement of an item's judgments, 0..1. Pairwise: the share of the most common answer
 * (either option, tie, both-bad). K-wise: for every pair of completions the share of the
 * most common relation (better, worse, tied), averaged over the pairs.
 */
export function agreementOf(item: ExportItem, votes: ExportJudgment[]): number {
  if (votes.length === 0) return 0;
  if (item.completions.length === 2) {
    const counts = new Map<string, number>();
    for (const v of votes) {
      const key = pairwiseAnswer(v);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return round4(Math.max(...counts.values()) / votes.length);
  }
  const indices = votes.map((v) => groupIndex(canonicalRanking(item, v)));
  const ids = item.completions.map((c) => c.id);
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const rel = [0, 0, 0];
      for (const index of indices) {
        const d = (index.get(ids[a]!) ?? 0) - (index.get(ids[b]!) ?? 0);
        rel[d < 0 ? 0 : d > 0 ? 1 : 2]!++;
      }
      sum += Math.max(...rel) / votes.length;
      pairs++;
    }
  }
  return round4(sum / pairs);
}

/** Pairwise majority: an answer given by more than half of the votes, else none. */
function pairwiseMajority(item: ExportItem, votes: ExportJudgment[]): Outcome | null {
  const groups = new Map<string, ExportJudgment[]>();
  for (const v of votes) {
    const key = pairwiseAnswer(v);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const [key, group] of groups) {
    if (group.length * 2 <= votes.length) continue;
    if (key === "tie" || key === "bothBad") {
      return { kind: key, ranking: [item.completions.map((c) => c.id)], margin: () => 0 };
    }
    const loser = item.completions.find((c) => c.id !== key)!.id;
    const margin = meanStrength(votes, key);
    return { kind: "preference", ranking: [[key], [loser]], margin: () => margin };
  }
  return null;
}

/**
 * K-wise majority by Borda count: each judgment gives a completion one point per
 * completion ranked below it and half a point per completion tied with it; completions
 * with equal totals share a group. The margin is the score difference scaled to 0..1.
 */
function bordaRanking(item: ExportItem, votes: ExportJudgment[]): Outcome {
  const score = new Map(item.completions.map((c) => [c.id, 0]));
  for (const v of votes) {
    const ranking = canonicalRanking(item, v);
    let below = item.completions.length;
    for (const group of ranking) {
      below -= group.length;
      for (const id of group) score.set(id, score.get(id)! + below + (group.length - 1) / 2);
    }
  }
  const ranking: string[][] = [];
  const byScore = [...item.completions.map((c) => c.id)].sort((a, b) => score.get(b)! - score.get(a)!);
  let last = Number.NaN;
  for (const id of byScore) {
    if (score.get(id) === last) ranking.at(-1)!.push(id);
    else ranking.push([id]);
    last = score.get(id)!;
  }
  const scale = votes.length * (item.completions.length - 1);
  return {
    kind: ranking.length === 1 ? "tie" : "preference",
    ranking,
    margin: (x, y) => round4((score.get(x)! - score.get(y)!) / scale),
  };
}

function inRange(j: Pick<ExportJudgment, "createdAt">, req: TExportRequest): boolean {
  const t = Date.parse(j.createdAt);
  return (!req.from || t >= Date.parse(req.from)) && (!req.to || t <= Date.parse(req.to));
}

export type FilteredJudgment = Pick<
  ExportJudgment,
  "untrusted" | "tooFast" | "createdAt" | "choice" | "strength"
>;

/**
 * The judgment-level rule: why a judgment is not a vote, or null when it is one. The
 * export's rows and the Dawid–Skene fit both use it, so they count the same votes.
 */
export function judgmentExclusion(j: FilteredJudgment, req: TExportRequest): ExclusionReason | null {
  if (req.excludeQuarantined && j.untrusted) return "annotator";
  if (req.excludeTooFast && j.tooFast) return "tooFast";
  if (!inRange(j, req)) return "date";
  if (
    req.minStrength !== undefined &&
    (j.choice === "A" || j.choice === "B") &&
    (j.strength ?? 0) < req.minStrength
  )
    return "strength";
  return null;
}

function votesOf(item: ExportItem, req: TExportRequest, counts: ExportCounts): ExportJudgment[] {
  const votes: ExportJudgment[] = [];
  for (const j of item.judgments) {
    const reason = judgmentExclusion(j, req);
    if (reason) counts.excluded[reason]++;
    else votes.push(j);
  }
  return votes;
}

/** The item's answer under the Dawid–Skene model; the margin is the stated strength, as under majority. */
function modelOutcome(item: ExportItem, votes: ExportJudgment[], consensus: Consensus | undefined): Outcome {
  const model = consensus?.get(item.id);
  if (!model) throw new Error(`no Dawid–Skene estimate for item ${item.id}`);
  const winner = model.ranking[0]![0]!;
  const pairwiseMargin = model.kind === "preference" ? meanStrength(votes, winner) : 0;
  return {
    kind: model.kind,
    ranking: model.ranking,
    margin: item.completions.length === 2 ? () => pairwiseMargin : model.margin,
    confidence: model.confidence,
    softLabel: model.pair,
  };
}

/**
 * Applies the request's filters and aggregation to one item, counting where each judgment
 * went. `consensus` is the project-wide Dawid–Skene fit, needed for that aggregation only.
 */
export function aggregateItem(
  item: ExportItem,
  req: TExportRequest,
  counts: ExportCounts,
  consensus?: Consensus,
): ItemOutcomes {
  counts.items++;
  counts.judgments += item.judgments.length;
  const none = { outcomes: [], agreement: 0, votes: 0 };
  if (item.retired) {
    counts.excludedItems.retired++;
    counts.excluded.retired += item.judgments.length;
    return none;
  }
  if (item.judgments.length === 0) {
    counts.excludedItems.unjudged++;
    return none;
  }
  if (req.excludeGold && item.isGold) {
    counts.excluded.gold += item.judgments.length;
    counts.excludedItems.gold++;
    return none;
  }
  const votes = votesOf(item, req, counts);
  if (votes.length === 0) return none;
  if (req.minJudgments !== undefined && votes.length < req.minJudgments) {
    counts.excluded.minJudgments += votes.length;
    counts.excludedItems.minJudgments++;
    return none;
  }
  const agreement = agreementOf(item, votes);
  if (req.minAgreement !== undefined && agreement < req.minAgreement) {
    counts.excluded.minAgreement += votes.length;
    counts.excludedItems.minAgreement++;
    return none;
  }
  const keep = (kind: OutcomeKind, n: number) => {
    if (kind === "tie" && req.dropTies) counts.excluded.tie += n;
    else if (kind === "bothBad" && req.dropBothBad) counts.excluded.bothBad += n;
    else {
      counts.used += n;
      return true;
    }
    return false;
  };
  const k = item.completions.length;
  if (req.aggregation === "per-judgment") {
    const outcomes: Outcome[] = [];
    for (const j of votes) {
      const kind = kindOf(j);
      if (!keep(kind, 1)) continue;
      const ranking = canonicalRanking(item, j);
      outcomes.push({ kind, ranking, margin: judgmentMargin(ranking, j.strength, k), judgment: j });
    }
    return { outcomes, agreement, votes: votes.length };
  }
  if (req.aggregation === "dawid-skene") {
    const outcome = modelOutcome(item, votes, consensus);
    if (req.minConfidence !== undefined && outcome.confidence! < req.minConfidence) {
      counts.excluded.lowConfidence += votes.length;
      counts.excludedItems.lowConfidence++;
      return none;
    }
    return { outcomes: keep(outcome.kind, votes.length) ? [outcome] : [], agreement, votes: votes.length };
  }
  const majority = k === 2 ? pairwiseMajority(item, votes) : bordaRanking(item, votes);
  if (!majority) {
    counts.excluded.noMajority += votes.length;
    counts.excludedItems.noMajority++;
    return none;
  }
  return { outcomes: keep(majority.kind, votes.length) ? [majority] : [], agreement, votes: votes.length };
}
