import type { TBattle } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { applyEvents, turnEnded, turnFailed, turnViews } from "./live";

const side = (key: "A" | "B", status: "streaming" | "done" | "failed", text = "") => ({
  key,
  status,
  text,
  finishReason: null,
  error: null,
});
const battle = (sides: ReturnType<typeof side>[], status: TBattle["status"] = "streaming"): TBattle => ({
  id: "b1",
  projectId: "p1",
  status,
  reason: null,
  prompt: [{ role: "user", content: "Hi" }],
  turns: [{ turn: 1, status, prompt: "Hi", assignmentId: "a1", judgmentId: null, sides }],
  models: null,
  eventsUrl: "/api/v1/battles/b1/events",
  createdAt: "2026-12-05T00:00:00.000Z",
});

describe("the arena's view of a battle", () => {
  it("appends tokens per side and opens the vote on ready, not before", () => {
    const b = battle([side("A", "streaming"), side("B", "streaming")]);
    let live = applyEvents({}, [
      { type: "token", turn: 1, side: "A", text: "Hel" },
      { type: "token", turn: 1, side: "B", text: "Yo" },
      { type: "token", turn: 1, side: "A", text: "lo" },
      { type: "done", turn: 1, side: "A", finishReason: "stop", tokens: 2 },
    ]);
    let [turn] = turnViews(b, live);
    expect(turn!.sides.A).toEqual({ text: "Hello", status: "done", error: null });
    expect(turn!.sides.B.status).toBe("streaming");
    expect(turnEnded(turn!)).toBe(false);
    live = applyEvents(live, [{ type: "done", turn: 1, side: "B", finishReason: "stop", tokens: 1 }]);
    expect(turnViews(b, live)[0]!.ready).toBe(false);
    live = applyEvents(live, [{ type: "ready", turn: 1 }]);
    [turn] = turnViews(b, live);
    expect(turn!.ready).toBe(true);
    expect(turnFailed(turn!)).toBe(false);
  });

  it("ends a side with its error; the turn has ended and failed", () => {
    const b = battle([side("A", "streaming"), side("B", "streaming")]);
    const live = applyEvents({}, [
      { type: "token", turn: 1, side: "A", text: "Par" },
      { type: "error", turn: 1, side: "A", message: "This model could not answer" },
      { type: "done", turn: 1, side: "B", finishReason: "stop", tokens: 3 },
    ]);
    const [turn] = turnViews(b, live);
    expect(turn!.sides.A).toMatchObject({ status: "failed", error: "This model could not answer" });
    expect(turnEnded(turn!) && turnFailed(turn!)).toBe(true);
    expect(turn!.ready).toBe(false);
  });

  it("shows a finished answer the server stored while the replayed stream is still partway", () => {
    const b = battle([side("A", "done", "Hello there"), side("B", "done", "Yo")], "ready");
    const live = applyEvents({}, [{ type: "token", turn: 1, side: "A", text: "Hel" }]);
    const [turn] = turnViews(b, live);
    expect(turn!.sides.A.text).toBe("Hello there");
    expect(turn!.ready).toBe(true);
  });
});
