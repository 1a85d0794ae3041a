import { describe, expect, it } from "vitest";
import { joinRequestFrom, MTURK_PREVIEW } from "./platform-params";

describe("joinRequestFrom", () => {
  it("reads Prolific's parameters", () => {
    expect(joinRequestFrom({ PROLIFIC_PID: "p1", STUDY_ID: "s1", SESSION_ID: "x1" })).toEqual({
      kind: "ok",
      body: { platform: "prolific", participantId: "p1", studyId: "s1", sessionId: "x1" },
    });
  });
  it("reads MTurk's parameters, the HIT as the study and the assignment as the session", () => {
    expect(joinRequestFrom({ workerId: "W1", assignmentId: "A1", hitId: "H1" })).toEqual({
      kind: "ok",
      body: { platform: "mturk", participantId: "W1", studyId: "H1", sessionId: "A1" },
    });
  });
  it("recognises MTurk's preview, before a worker accepts the task", () => {
    expect(joinRequestFrom({ assignmentId: MTURK_PREVIEW, hitId: "H1" })).toEqual({ kind: "preview" });
  });
  it("asks for the platform link when no id is there, blank or repeated values included", () => {
    expect(joinRequestFrom({})).toEqual({ kind: "missing" });
    expect(joinRequestFrom({ PROLIFIC_PID: "  " })).toEqual({ kind: "missing" });
    expect(joinRequestFrom({ PROLIFIC_PID: ["a", "b"] })).toMatchObject({ body: { participantId: "a" } });
  });
});
