import type { TOptionKey } from "@arbiter/shared";
import { type Answer, type Choice, isDecisive, type Task } from "./answer";

export type Command =
  | { type: "choose"; choice: Choice }
  | { type: "strength"; value: number }
  | { type: "rank"; key: TOptionKey }
  | { type: "tieNext" }
  | { type: "unrankLast" }
  | { type: "clear" }
  | { type: "submit" }
  | { type: "skip" }
  | { type: "undo" }
  | { type: "guidelines" }
  | { type: "help" }
  | { type: "rationale" };

/**
 * The labeling page's keyboard map; each key means one thing. Pairwise: letters and arrows
 * choose (A/← and B/→, T tie, X both bad — not B, which would read as "B is better"); the
 * digits 1–4 only ever give the strength, after a decisive choice — "A 3 Enter" answers
 * "A, clearly better", with the left hand resting on the digits and the letters. Ranking:
 * each digit places that response next; T ties the next one with the last placed.
 */
export function commandForKey(key: string, answer: Answer, task: Task): Command | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  const q = task.questions;
  switch (k) {
    case "Enter":
      return { type: "submit" };
    case "s":
      return { type: "skip" };
    case "u":
      return { type: "undo" };
    case "g":
      return { type: "guidelines" };
    case "?":
      return { type: "help" };
    case "r":
      return q.rationale === "off" ? null : { type: "rationale" };
  }
  if (task.taskType === "ranking") {
    if (/^[1-9]$/.test(k)) {
      const option = task.keys[Number(k) - 1];
      return option ? { type: "rank", key: option } : null;
    }
    if ((k === "t" || k === "=") && q.allowTie && answer.ranking.length > 0) return { type: "tieNext" };
    if (k === "Backspace") return { type: "unrankLast" };
    if (k === "Escape") return { type: "clear" };
    return null;
  }
  if (k === "a" || k === "ArrowLeft") return { type: "choose", choice: "A" };
  if (k === "b" || k === "ArrowRight") return { type: "choose", choice: "B" };
  if (k === "t" && q.allowTie) return { type: "choose", choice: "tie" };
  if (k === "x" && q.allowBothBad) return { type: "choose", choice: "both_bad" };
  if (k === "Escape" || k === "Backspace") return { type: "clear" };
  if (/^[1-4]$/.test(k) && q.strength && isDecisive(answer.choice))
    return { type: "strength", value: Number(k) };
  return null;
}
