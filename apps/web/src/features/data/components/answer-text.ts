import type { TCanonicalAnswer } from "@arbiter/shared";

/** An answer in words, with completions named by model: "model-b over model-a", "Tie", "Both bad". */
export function answerText(answer: TCanonicalAnswer, models: string[]): string {
  const name = (p: number) => `#${p + 1} ${models[p] ?? ""}`.trim();
  if (answer.kind === "both_bad" || !answer.ranking) return "Both bad";
  if (answer.kind === "tie") return "Tie";
  if (answer.kind === "preferred") return `${name(answer.ranking[0]![0]!)} preferred`;
  return answer.ranking.map((group) => group.map(name).join(" = ")).join(" > ");
}

/** Completion letters as the annotator saw them: "A: model-b, B: model-a". */
export function shownText(shownOrder: number[], models: string[]): string {
  return shownOrder
    .map((p, i) => `${String.fromCharCode(65 + i)} = #${p + 1} ${models[p] ?? ""}`.trim())
    .join(", ");
}
