import type { TBattle, TBattleEvent } from "@arbiter/shared";

export type SideKey = "A" | "B";
export const SIDES: readonly SideKey[] = ["A", "B"];

/** One side of one turn as the page shows it. */
export type SideView = { text: string; status: "streaming" | "done" | "failed"; error: string | null };
export type TurnView = {
  turn: number;
  prompt: string;
  sides: Record<SideKey, SideView>;
  /** Both sides done: the vote is open (or was). */
  ready: boolean;
};

/** What the event stream has said so far, by turn; it covers every turn from the battle's first event. */
export type Live = Record<number, { sides: Partial<Record<SideKey, SideView>>; ready: boolean }>;

/** Applies a batch of events in order; a token appends, done and error end a side, ready opens the vote. */
export function applyEvents(live: Live, events: readonly TBattleEvent[]): Live {
  if (events.length === 0) return live;
  const next: Live = { ...live };
  for (const event of events) {
    const turn = { ...(next[event.turn] ?? { sides: {}, ready: false }) };
    turn.sides = { ...turn.sides };
    next[event.turn] = turn;
    if (event.type === "ready") {
      turn.ready = true;
      continue;
    }
    const side = turn.sides[event.side] ?? { text: "", status: "streaming", error: null };
    if (event.type === "token") turn.sides[event.side] = { ...side, text: side.text + event.text };
    else if (event.type === "done") turn.sides[event.side] = { ...side, status: "done" };
    else turn.sides[event.side] = { ...side, status: "failed", error: event.message };
  }
  return next;
}

/**
 * The turns to show: the stream's text where it has spoken (it replays from the battle's
 * first event, so it is the whole answer), else what the server stored. A side the stream has
 * finished is finished even if the battle was loaded before it did.
 */
export function turnViews(battle: TBattle, live: Live): TurnView[] {
  return battle.turns.map((t) => {
    const streamed = live[t.turn];
    const sides = {} as Record<SideKey, SideView>;
    for (const [i, key] of SIDES.entries()) {
      const stored = t.sides[i];
      const fromStream = streamed?.sides[key];
      const storedView: SideView = {
        text: stored?.text ?? "",
        status: stored?.status ?? "streaming",
        error: stored?.error ?? null,
      };
      sides[key] =
        fromStream && (storedView.status === "streaming" || fromStream.status !== "streaming")
          ? fromStream
          : storedView;
    }
    const ready =
      Boolean(streamed?.ready) ||
      (sides.A.status === "done" && sides.B.status === "done" && t.status !== "streaming");
    return { turn: t.turn, prompt: t.prompt, sides, ready };
  });
}

/** A turn has ended when both sides are done or failed. */
export function turnEnded(turn: TurnView): boolean {
  return SIDES.every((k) => turn.sides[k].status !== "streaming");
}

export function turnFailed(turn: TurnView): boolean {
  return SIDES.some((k) => turn.sides[k].status === "failed");
}
