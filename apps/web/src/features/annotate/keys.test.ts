import { ZQuestions } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { type Answer, emptyAnswer, missingParts, type Task, toBody } from "./answer";
import { commandForKey } from "./keys";

const pairwise: Task = { taskType: "pairwise", questions: ZQuestions.parse({}), keys: ["A", "B"] };
const ranking: Task = { taskType: "ranking", questions: ZQuestions.parse({}), keys: ["A", "B", "C", "D"] };
const with_ = (a: Partial<Answer>): Answer => ({ ...emptyAnswer(), ...a });

describe("pairwise keys", () => {
  it("digits only ever give the strength, and only after A or B is chosen", () => {
    expect(commandForKey("1", emptyAnswer(), pairwise)).toBeNull();
    expect(commandForKey("2", emptyAnswer(), pairwise)).toBeNull();
    expect(commandForKey("2", with_({ choice: "A" }), pairwise)).toEqual({ type: "strength", value: 2 });
    expect(commandForKey("4", with_({ choice: "B" }), pairwise)).toEqual({ type: "strength", value: 4 });
    expect(commandForKey("5", with_({ choice: "B" }), pairwise)).toBeNull();
  });

  it("digits do nothing without a strength question or after a tie", () => {
    const noStrength = { ...pairwise, questions: ZQuestions.parse({ strength: false }) };
    expect(commandForKey("2", with_({ choice: "A" }), noStrength)).toBeNull();
    expect(commandForKey("1", with_({ choice: "tie" }), pairwise)).toBeNull();
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
    expect(missingParts(emptyAnswer(), pairwise)).toEqual([{ part: "choice" }]);
    expect(missingParts(with_({ choice: "A" }), pairwise)).toEqual([{ part: "strength" }]);
    expect(missingParts(with_({ choice: "tie" }), pairwise)).toEqual([]);
    const body = toBody(with_({ choice: "A", strength: 3, rationale: "  " }), pairwise, 1234.4);
    expect(body).toEqual({ choice: "A", strength: 3, durationMs: 1234 });
  });
});

describe("a required rationale", () => {
  it("is missing until it has more than whitespace, after the choice and strength", () => {
    const required = { ...pairwise, questions: ZQuestions.parse({ rationale: "required" }) };
    expect(missingParts(with_({ choice: "B", rationale: "  " }), required)).toEqual([
      { part: "strength" },
      { part: "rationale" },
    ]);
    expect(missingParts(with_({ choice: "B", strength: 1, rationale: "terse" }), required)).toEqual([]);
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
      { part: "ranking", left: 1 },
    ]);
    expect(missingParts(with_({ ranking: [["C"], ["A", "B"], ["D"]] }), ranking)).toEqual([]);
  });
});
