import { ZQuestions } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { type Answer, emptyAnswer, missingParts, type Task, toBody } from "./answer";
import { commandForKey } from "./keys";

const pairwise: Task = { taskType: "pairwise", questions: ZQuestions.parse({}), keys: ["A", "B"] };
const ranking: Task = { taskType: "ranking", questions: ZQuestions.parse({}), keys: ["A", "B", "C", "D"] };
const with_ = (a: Partial<Answer>): Answer => ({ ...emptyAnswer(), ...a });

describe("pairwise keys", () => {
  it("digits choose before a choice and give the strength after one", () => {
    expect(commandForKey("1", emptyAnswer(), pairwise)).toEqual({ type: "choose", choice: "A" });
    expect(commandForKey("2", emptyAnswer(), pairwise)).toEqual({ type: "choose", choice: "B" });
    expect(commandForKey("3", emptyAnswer(), pairwise)).toBeNull();
    expect(commandForKey("2", with_({ choice: "A" }), pairwise)).toEqual({ type: "strength", value: 2 });
    expect(commandForKey("4", with_({ choice: "B" }), pairwise)).toEqual({ type: "strength", value: 4 });
  });

  it("digits keep choosing when there is no strength question or the choice is a tie", () => {
    const noStrength = { ...pairwise, questions: ZQuestions.parse({ strength: false }) };
    expect(commandForKey("2", with_({ choice: "A" }), noStrength)).toEqual({ type: "choose", choice: "B" });
    expect(commandForKey("1", with_({ choice: "tie" }), pairwise)).toEqual({ type: "choose", choice: "A" });
  });

  it("letters and arrows always choose; tie and both bad only when the project allows them", () => {
    expect(commandForKey("B", with_({ choice: "A" }), pairwise)).toEqual({ type: "choose", choice: "B" });
    expect(commandForKey("ArrowLeft", with_({ choice: "B" }), pairwise)).toEqual({
      type: "choose",
      choice: "A",
    });
    expect(commandForKey("x", emptyAnswer(), pairwise)).toEqual({ type: "choose", choice: "both_bad" });
    const strict = { ...pairwise, questions: ZQuestions.parse({ allowTie: false, allowBothBad: false }) };
    expect(commandForKey("t", emptyAnswer(), strict)).toBeNull();
    expect(commandForKey("x", emptyAnswer(), strict)).toBeNull();
  });

  it("needs a strength before submitting a decisive choice, and sends it", () => {
    expect(missingParts(with_({ choice: "A" }), pairwise)).toEqual(["Say how much better (1–4)"]);
    expect(missingParts(with_({ choice: "tie" }), pairwise)).toEqual([]);
    const body = toBody(with_({ choice: "A", strength: 3, rationale: "  " }), pairwise, 1234.4);
    expect(body).toEqual({ choice: "A", strength: 3, durationMs: 1234 });
  });
});

describe("ranking keys", () => {
  it("digits place the response with that number; T ties only once something is placed", () => {
    expect(commandForKey("3", emptyAnswer(), ranking)).toEqual({ type: "rank", key: "C" });
    expect(commandForKey("5", emptyAnswer(), ranking)).toBeNull();
    expect(commandForKey("t", emptyAnswer(), ranking)).toBeNull();
    expect(commandForKey("t", with_({ ranking: [["C"]] }), ranking)).toEqual({ type: "tieNext" });
  });

  it("asks for every response to be ranked", () => {
    expect(missingParts(with_({ ranking: [["C"], ["A", "B"]] }), ranking)).toEqual([
      "Rank every response (1 left)",
    ]);
    expect(missingParts(with_({ ranking: [["C"], ["A", "B"], ["D"]] }), ranking)).toEqual([]);
  });
});
