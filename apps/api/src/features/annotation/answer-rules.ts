import type { TQuestions } from "@arbiter/shared";
import { questionsOf } from "../projects/serialize";

/** What an answer to an assignment is checked against; `rules` names this version of it. */
export type AnswerRules = {
  rules: string;
  taskType: "PAIRWISE" | "RANKING";
  questions: TQuestions;
  options: number;
};

// Remembered so that a judgment is checked without reading its project first. Never
// trusted blindly: arbiter_judge refuses ("stale") an answer whose rules version or
// option count differ from the assignment's current ones. Bounded, oldest first out.
const MAX_ASSIGNMENTS = 50_000;
const MAX_RULE_VERSIONS = 1_000;

function put<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

export class AnswerRulesMemory {
  private readonly byAssignment = new Map<string, { rules: string; options: number }>();
  private readonly byVersion = new Map<
    string,
    { taskType: AnswerRules["taskType"]; questions: TQuestions }
  >();

  /** Parses a project's questions once per rules version (filling defaults added since). */
  questionsFor(rules: string, taskType: AnswerRules["taskType"], questions: unknown): TQuestions {
    let known = this.byVersion.get(rules);
    if (!known) {
      known = { taskType, questions: questionsOf({ questions: questions as never }) };
      put(this.byVersion, rules, known, MAX_RULE_VERSIONS);
    }
    return known.questions;
  }

  /** Call after questionsFor with the same rules version. */
  remember(assignmentId: string, rules: string, options: number) {
    put(this.byAssignment, assignmentId, { rules, options }, MAX_ASSIGNMENTS);
  }

  recall(assignmentId: string): AnswerRules | null {
    const known = this.byAssignment.get(assignmentId);
    const version = known && this.byVersion.get(known.rules);
    return known && version ? { ...known, ...version } : null;
  }

  forget(assignmentId: string) {
    this.byAssignment.delete(assignmentId);
  }
}

// One memory per database handle, i.e. per API instance (tests run several in one process).
const memories = new WeakMap<object, AnswerRulesMemory>();

export function answerRulesOf(db: object): AnswerRulesMemory {
  let memory = memories.get(db);
  if (!memory) {
    memory = new AnswerRulesMemory();
    memories.set(db, memory);
  }
  return memory;
}
