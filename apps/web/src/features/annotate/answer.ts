import type { TAssignment, TJudgmentBody, TOptionKey, TQuestions } from "@arbiter/shared";
import type { Ranking } from "./ranking";

export type Choice = "A" | "B" | "tie" | "both_bad";

/** What the annotator has entered for the item on screen. */
export type Answer = {
  choice: Choice | null;
  strength: number | null;
  ranking: Ranking;
  /** Ranking: the next option picked joins the last group (a tie). */
  tieNext: boolean;
  aspects: Partial<Record<TOptionKey, Record<string, number>>>;
  flags: string[];
  rationale: string;
};

export type Task = {
  taskType: TAssignment["project"]["taskType"];
  questions: TQuestions;
  keys: TOptionKey[];
};

export function taskOf(assignment: TAssignment): Task {
  return {
    taskType: assignment.project.taskType,
    questions: assignment.project.questions,
    keys: assignment.options.map((o) => o.key),
  };
}

export function emptyAnswer(): Answer {
  return { choice: null, strength: null, ranking: [], tieNext: false, aspects: {}, flags: [], rationale: "" };
}

/** The strength scale; its words are the messages decision.strength1…4. */
export const STRENGTHS = [1, 2, 3, 4] as const;

/** A part of the answer that Submit still waits for; the page names it and moves focus there. */
export type Missing =
  | { part: "choice" }
  | { part: "strength" }
  | { part: "ranking"; left: number }
  | { part: "rationale" };

export function isDecisive(choice: Choice | null): choice is "A" | "B" {
  return choice === "A" || choice === "B";
}

/** What still stands between the answer and Submit, in the order the page asks for it. */
export function missingParts(answer: Answer, task: Task): Missing[] {
  const missing: Missing[] = [];
  const q = task.questions;
  if (task.taskType === "pairwise") {
    if (!answer.choice) missing.push({ part: "choice" });
    else if (q.strength && isDecisive(answer.choice) && answer.strength === null)
      missing.push({ part: "strength" });
  } else {
    const ranked = answer.ranking.flat().length;
    const left = task.keys.length - ranked;
    if (left > 0) missing.push({ part: "ranking", left });
  }
  if (q.rationale === "required" && !answer.rationale.trim()) missing.push({ part: "rationale" });
  return missing;
}

/** The request body for the API; only what the project asks for is sent. */
export function toBody(answer: Answer, task: Task, durationMs: number): TJudgmentBody {
  const q = task.questions;
  const body: TJudgmentBody = { durationMs: Math.max(0, Math.round(durationMs)) };
  if (task.taskType === "pairwise") {
    body.choice = answer.choice ?? undefined;
    if (q.strength && isDecisive(answer.choice) && answer.strength !== null) body.strength = answer.strength;
  } else {
    body.ranking = answer.ranking;
  }
  const aspects = Object.entries(answer.aspects).filter(([, r]) => r && Object.keys(r).length > 0);
  if (aspects.length) body.aspects = Object.fromEntries(aspects);
  if (answer.flags.length) body.flags = answer.flags;
  if (q.rationale !== "off" && answer.rationale.trim()) body.rationale = answer.rationale.trim();
  return body;
}

/** Back from a sent body to the form, when an answer is undone or re-sent after a reload. */
export function fromBody(body: TJudgmentBody): Answer {
  return {
    ...emptyAnswer(),
    choice: body.choice ?? null,
    strength: body.strength ?? null,
    ranking: (body.ranking as Ranking | undefined) ?? [],
    aspects: body.aspects ?? {},
    flags: body.flags ?? [],
    rationale: body.rationale ?? "",
  };
}
