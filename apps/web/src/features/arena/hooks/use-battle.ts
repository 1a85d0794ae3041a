"use client";

import { type TBattle, type TBattleEvent, ZBattleEvent } from "@arbiter/shared";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "@/lib/api-error";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { ArenaError, battleEventsUrl, continueBattle, fetchBattle, startBattle, voteBattle } from "../api";
import { applyEvents, type Live, turnEnded, turnFailed, turnViews } from "../live";

export type VoteChoice = "A" | "B" | "tie" | "both_bad";
/** A vote as the page sends it: the choice and, where the project asks, strength and rationale. */
export type Vote = { choice: VoteChoice; strength: number | null; rationale: string };

/** A refused request, kept for the page to explain (rate limit, budget, moderation, …). */
export type Problem = { code: string; message: string; retryAt: number | null; field: string | null };

/** The event stream's connection: "lost" when the browser gave up reconnecting. */
export type Connection = "open" | "reconnecting" | "lost" | "closed";

// Tokens arrive as separate messages; showing them in batches keeps the markdown from being
// parsed once per token on a slow machine.
const FLUSH_MS = 40;

function problemOf(err: unknown, noConnection: string): Problem {
  if (err instanceof ApiError) {
    const details = err.details as { path?: string }[] | undefined;
    return {
      code: err.code,
      message: err.message,
      retryAt:
        err instanceof ArenaError && err.retryAfterSeconds ? Date.now() + err.retryAfterSeconds * 1000 : null,
      field: details?.[0]?.path ?? null,
    };
  }
  return { code: "network", message: noConnection, retryAt: null, field: null };
}

/**
 * One battle at a time: starting it, its event stream (one EventSource for every turn; a
 * dropped connection resumes by itself with Last-Event-ID), the vote, the next turn, the end.
 */
export function useBattle(projectId: string, noConnection: string, initialBattleId: string | null) {
  const [battle, setBattle] = useState<TBattle | null>(null);
  const [live, setLive] = useState<Live>({});
  const [busy, setBusy] = useState<"start" | "vote" | "end" | "continue" | "load" | null>(
    initialBattleId ? "load" : null,
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [connection, setConnection] = useState<Connection>("closed");
  const [voteKey, setVoteKey] = useState<{ turn: number; key: string; vote: Vote } | null>(null);
  // The votes cast on this page, by turn, so earlier turns still show which side won them.
  const [votes, setVotes] = useState<Record<number, VoteChoice>>({});
  const [turnStartedAt, setTurnStartedAt] = useState(() => Date.now());
  const pending = useRef<TBattleEvent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const source = useRef<EventSource | null>(null);

  const turns = useMemo(() => (battle ? turnViews(battle, live) : []), [battle, live]);
  const current = turns.at(-1) ?? null;
  const failed =
    battle?.status === "failed" || (current !== null && turnEnded(current) && turnFailed(current));
  const closed = battle?.status === "closed";
  const streaming = current !== null && !turnEnded(current);
  // Voted: the server says so after the vote on the last turn (and before the next one starts).
  const voted = battle?.status === "voted";
  const canVote = Boolean(current?.ready) && !failed && !closed && !voted;

  const closeStream = useCallback(() => {
    source.current?.close();
    source.current = null;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setConnection("closed");
  }, []);

  const openStream = useCallback(
    (battleId: string) => {
      closeStream();
      pending.current = [];
      setLive({});
      const es = new EventSource(battleEventsUrl(battleId));
      source.current = es;
      setConnection("reconnecting");
      const flush = () => {
        timer.current = null;
        const events = pending.current;
        pending.current = [];
        setLive((l) => applyEvents(l, events));
      };
      const onEvent = (e: MessageEvent<string>) => {
        const parsed = ZBattleEvent.safeParse(JSON.parse(e.data));
        if (!parsed.success) return;
        pending.current.push(parsed.data);
        // The end of a side or of a turn shows at once; tokens wait for the next batch.
        if (parsed.data.type !== "token") flush();
        else timer.current ??= setTimeout(flush, FLUSH_MS);
      };
      es.onopen = () => setConnection("open");
      for (const type of ["token", "done", "ready"]) es.addEventListener(type, onEvent as EventListener);
      // "error" is both the battle's event (a side failed, with data) and the browser's
      // connection error (without): the connection error either reconnects or gives up.
      es.addEventListener("error", (e) => {
        if (e instanceof MessageEvent && typeof e.data === "string" && e.data) return onEvent(e);
        setConnection(es.readyState === EventSource.CLOSED ? "lost" : "reconnecting");
      });
    },
    [closeStream],
  );

  // The server ends the response of a failed or closed battle; reconnecting would get nothing new.
  useEffect(() => {
    if ((failed || closed) && source.current) closeStream();
  }, [failed, closed, closeStream]);
  useEffect(() => closeStream, [closeStream]);

  const run = useCallback(
    async (kind: NonNullable<typeof busy>, action: () => Promise<TBattle>): Promise<TBattle | null> => {
      setBusy(kind);
      setProblem(null);
      try {
        const next = await action();
        setBattle(next);
        return next;
      } catch (err) {
        setProblem(problemOf(err, noConnection));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [noConnection],
  );

  // A battle named in the address (a reload, a shared tab) is shown again, its stream replayed.
  useEffect(() => {
    if (!initialBattleId) return;
    void run("load", () => fetchBattle(initialBattleId)).then((b) => {
      if (b && b.status !== "closed") openStream(b.id);
    });
  }, [initialBattleId, run, openStream]);

  const start = useCallback(
    async (prompt: string | null) => {
      const b = await run("start", () => startBattle(projectId, prompt));
      if (!b) return null;
      setVoteKey(null);
      setVotes({});
      setTurnStartedAt(Date.now());
      openStream(b.id);
      return b;
    },
    [projectId, run, openStream],
  );

  const vote = useCallback(
    async (v: Vote, end: boolean) => {
      if (!battle || !current) return;
      // One key per turn and answer: a retry after a lost answer is the same vote, and "end"
      // after a vote repeats it with end: true.
      const same =
        voteKey &&
        voteKey.turn === current.turn &&
        voteKey.vote.choice === v.choice &&
        voteKey.vote.strength === v.strength &&
        voteKey.vote.rationale === v.rationale;
      const key = same ? voteKey.key : newIdempotencyKey();
      setVoteKey({ turn: current.turn, key, vote: v });
      const body = {
        choice: v.choice,
        ...(v.strength !== null ? { strength: v.strength } : {}),
        ...(v.rationale.trim() ? { rationale: v.rationale.trim() } : {}),
        durationMs: Math.max(1, Date.now() - turnStartedAt),
        end,
      };
      const b = await run(end ? "end" : "vote", () => voteBattle(battle.id, key, body));
      if (b) setVotes((all) => ({ ...all, [current.turn]: v.choice }));
      if (b?.status === "closed") closeStream();
    },
    [battle, current, voteKey, run, turnStartedAt, closeStream],
  );

  const next = useCallback(
    async (prompt: string) => {
      if (!battle) return false;
      const b = await run("continue", () => continueBattle(battle.id, prompt));
      if (!b) return false;
      setTurnStartedAt(Date.now());
      return true;
    },
    [battle, run],
  );

  const reset = useCallback(() => {
    closeStream();
    setBattle(null);
    setLive({});
    setVoteKey(null);
    setVotes({});
    setProblem(null);
  }, [closeStream]);

  const reconnect = useCallback(() => {
    if (!battle) return;
    void run("load", () => fetchBattle(battle.id)).then((b) => {
      if (b && b.status !== "closed") openStream(b.id);
    });
  }, [battle, run, openStream]);

  return {
    battle,
    turns,
    current,
    streaming,
    failed,
    closed,
    voted,
    canVote,
    votes,
    votedChoice: voteKey && current && voteKey.turn === current.turn ? voteKey.vote.choice : null,
    lastVote: voteKey && current && voteKey.turn === current.turn ? voteKey.vote : null,
    busy,
    problem,
    setProblem,
    connection,
    start,
    vote,
    next,
    reset,
    reconnect,
  };
}
