type Ranking = string[][] | null;
type GoldAnswer =
  | { preferred: string; strength?: number; strengthTolerance?: number }
  | { ranking: string[][] };

/**
 * Whether an answer matches a gold item's known answer. Pairwise: the same winner (or
 * tie / both bad), and the strength within tolerance when the gold answer has one.
 * Ranking: the same best group.
 */
export function isGoldCorrect(
  gold: GoldAnswer,
  answer: { choice: string | null; strength: number | null; ranking: Ranking },
): boolean {
  if ("ranking" in gold) {
    const best = answer.ranking?.[0];
    const want = gold.ranking[0]!;
    return !!best && best.length === want.length && want.every((id) => best.includes(id));
  }
  if (gold.preferred === "tie" || gold.preferred === "both_bad") return answer.choice === gold.preferred;
  const winner = answer.ranking?.[0];
  if (!winner || winner.length !== 1 || winner[0] !== gold.preferred) return false;
  if (gold.strength === undefined || answer.strength === null) return true;
  return Math.abs(answer.strength - gold.strength) <= (gold.strengthTolerance ?? 1);
}
