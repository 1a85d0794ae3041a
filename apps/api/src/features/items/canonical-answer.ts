import type { TCanonicalAnswer } from "@arbiter/shared";

type StoredGold =
  | { preferred: string; strength?: number; strengthTolerance?: number }
  | { ranking: string[][] };

/**
 * Reads a stored answer (completion ids grouped best first, as judgments and gold answers
 * keep them) in completion positions. Both bad is an explicit choice or no ranking; a
 * pairwise answer of one group is a tie.
 */
export function canonicalAnswer(
  answer: { choice: string | null; ranking: unknown },
  positionOf: Map<string, number>,
  taskType: "PAIRWISE" | "RANKING",
): TCanonicalAnswer {
  if (answer.choice === "both_bad" || !Array.isArray(answer.ranking))
    return { kind: "both_bad", ranking: null };
  const ranking = (answer.ranking as string[][]).map((group) =>
    group.map((id) => positionOf.get(id) ?? -1).sort((a, b) => a - b),
  );
  if (taskType === "RANKING") return { kind: "ranking", ranking };
  return { kind: ranking.length === 1 ? "tie" : "preferred", ranking };
}

/** A gold answer as stored (by completion id) in the same canonical terms. */
export function canonicalGold(
  gold: StoredGold,
  positionOf: Map<string, number>,
  taskType: "PAIRWISE" | "RANKING",
): TCanonicalAnswer & { strength: number | null } {
  if ("ranking" in gold)
    return {
      ...canonicalAnswer({ choice: null, ranking: gold.ranking }, positionOf, taskType),
      strength: null,
    };
  if (gold.preferred === "both_bad") return { kind: "both_bad", ranking: null, strength: null };
  const all = [...positionOf.values()].sort((a, b) => a - b);
  if (gold.preferred === "tie") return { kind: "tie", ranking: [all], strength: null };
  const winner = positionOf.get(gold.preferred) ?? -1;
  return {
    kind: "preferred",
    ranking: [[winner], all.filter((p) => p !== winner)],
    strength: gold.strength ?? null,
  };
}
