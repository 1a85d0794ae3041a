"use client";

import type { TAssignment, TProgress } from "@arbiter/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isTransient } from "@/lib/api-error";
import { type Answer, emptyAnswer, fromBody, type Missing, missingParts, taskOf, toBody } from "../answer";
import {
  fetchProgress,
  leaseAssignment,
  newIdempotencyKey,
  skipAssignment,
  submitJudgment,
  undoJudgment,
} from "../api";
import { clearPending, loadPending, type Pending, savePending } from "../pending";

export type Phase =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "submitting" }
  | { kind: "retrying"; attempt: number; retryAt: number; reason: Reason }
  | { kind: "done" }
  | { kind: "error"; reason: Reason };

/** The server's message, or null when the server could not be reached (the page says so in its language). */
export type Reason = string | null;

/** What the page says beside Submit: what the answer still lacks, or why an action failed. */
export type Nudge =
  | { kind: "missing"; missing: Missing[] }
  | { kind: "submitFailed" | "skipFailed"; reason: Reason };

export type UndoProblem = { kind: "expired" } | { kind: "failed"; reason: Reason };

export type LastJudgment = { id: string; undoableUntil: number; assignment: TAssignment; answer: Answer };

const MAX_BACKOFF_MS = 15_000;

/** Conflicts that mean "this assignment is closed": show the next one instead. */
const CLOSED = new Set(["already_judged", "assignment_skipped", "not_found"]);

function describe(err: unknown): Reason {
  return err instanceof ApiError ? err.message : null;
}

/**
 * The labeling loop: lease, answer, submit (retrying with the same Idempotency-Key until
 * the server has it), show the `next` assignment that came with the response, skip, undo.
 */
export function useLabeling(projectId: string, initialProgress: TProgress) {
  const [assignment, setAssignment] = useState<TAssignment | null>(null);
  const [answer, setAnswer] = useState<Answer>(emptyAnswer);
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [progress, setProgress] = useState<TProgress>(initialProgress);
  const [last, setLast] = useState<LastJudgment | null>(null);
  const [nudge, setNudge] = useState<Nudge | null>(null);
  const [shownCount, setShownCount] = useState(0);
  const shownAt = useRef(0);
  const wake = useRef<(() => void) | null>(null);
  const alive = useRef(true);
  const sendRef = useRef<(a: TAssignment, p: Pending) => Promise<void>>(async () => {});

  const progressAsked = useRef(0);

  /**
   * The counters are always the server's, asked after every submit, skip, undo and lease:
   * counting locally drifts (an undo, a skip and an expired lease change "left" in ways only
   * the server knows). Only the latest answer is shown, so a slow older one cannot win.
   */
  const refreshProgress = useCallback(() => {
    const asked = ++progressAsked.current;
    fetchProgress(projectId)
      .then((p) => alive.current && asked === progressAsked.current && setProgress(p))
      .catch(() => undefined);
  }, [projectId]);

  const show = useCallback((next: TAssignment | null, restore?: Answer) => {
    setAssignment(next);
    setNudge(null);
    shownAt.current = performance.now();
    if (!next) {
      setAnswer(emptyAnswer());
      setPhase({ kind: "done" });
      return;
    }
    setShownCount((n) => n + 1);
    const pending = loadPending(next.id);
    if (pending) {
      // An answer that never reached the server (reload, crash): send it again, same key.
      setAnswer(fromBody(pending.body));
      void sendRef.current(next, pending);
      return;
    }
    setAnswer(restore ?? emptyAnswer());
    setPhase({ kind: "ready" });
  }, []);

  const lease = useCallback(async () => {
    setPhase({ kind: "loading" });
    try {
      show(await leaseAssignment(projectId));
      refreshProgress();
    } catch (err) {
      setPhase({ kind: "error", reason: describe(err) });
    }
  }, [projectId, show, refreshProgress]);

  useEffect(() => {
    alive.current = true;
    void lease();
    return () => {
      alive.current = false;
      wake.current?.();
    };
  }, [lease]);

  const send = useCallback(
    async (current: TAssignment, pending: Pending) => {
      savePending(current.id, pending);
      setPhase({ kind: "submitting" });
      for (let attempt = 1; alive.current; attempt++) {
        try {
          const res = await submitJudgment(current.id, pending.key, pending.body);
          clearPending(current.id);
          setLast({
            id: res.judgment.id,
            undoableUntil: Date.parse(res.judgment.undoableUntil),
            assignment: current,
            answer: fromBody(pending.body),
          });
          show(res.next);
          refreshProgress();
          return;
        } catch (err) {
          if (err instanceof ApiError && (err.status === 404 || CLOSED.has(err.code))) {
            // Answered or skipped elsewhere (another tab): nothing to keep, move on.
            clearPending(current.id);
            await lease();
            return;
          }
          if (!isTransient(err)) {
            clearPending(current.id);
            setNudge({ kind: "submitFailed", reason: describe(err) });
            setPhase({ kind: "ready" });
            return;
          }
          const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1));
          setPhase({ kind: "retrying", attempt, retryAt: Date.now() + delay, reason: describe(err) });
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delay);
            const online = () => resolve();
            window.addEventListener("online", online, { once: true });
            wake.current = () => {
              clearTimeout(timer);
              window.removeEventListener("online", online);
              resolve();
            };
          });
          wake.current = null;
        }
      }
    },
    [lease, refreshProgress, show],
  );
  sendRef.current = send;

  /** Sends the answer, or returns what it still lacks (and nudges about it). */
  const submit = useCallback((): Missing[] => {
    if (!assignment || phase.kind !== "ready") return [];
    const task = taskOf(assignment);
    const missing = missingParts(answer, task);
    if (missing.length) {
      setNudge({ kind: "missing", missing });
      return missing;
    }
    const body = toBody(answer, task, performance.now() - shownAt.current);
    void send(assignment, { key: newIdempotencyKey(), body });
    return [];
  }, [answer, assignment, phase.kind, send]);

  const skip = useCallback(async () => {
    if (!assignment || phase.kind !== "ready") return;
    setPhase({ kind: "submitting" });
    try {
      show(await skipAssignment(assignment.id));
      refreshProgress();
    } catch (err) {
      if (err instanceof ApiError && CLOSED.has(err.code)) return void (await lease());
      setNudge({ kind: "skipFailed", reason: describe(err) });
      setPhase({ kind: "ready" });
    }
  }, [assignment, phase.kind, show, lease, refreshProgress]);

  const undo = useCallback(async (): Promise<UndoProblem | null> => {
    if (!last || (phase.kind !== "ready" && phase.kind !== "done")) return null;
    if (Date.now() > last.undoableUntil) {
      setLast(null);
      return { kind: "expired" };
    }
    setPhase({ kind: "submitting" });
    try {
      const reopened = await undoJudgment(last.id);
      setLast(null);
      show(reopened, last.answer);
      refreshProgress();
      return null;
    } catch (err) {
      setLast(null);
      setPhase(assignment ? { kind: "ready" } : { kind: "done" });
      return { kind: "failed", reason: describe(err) };
    }
  }, [last, phase.kind, assignment, show, refreshProgress]);

  return {
    assignment,
    answer,
    setAnswer,
    phase,
    progress,
    last,
    nudge,
    setNudge,
    shownCount,
    submit,
    skip,
    undo,
    retryNow: () => wake.current?.(),
    reload: lease,
  };
}
