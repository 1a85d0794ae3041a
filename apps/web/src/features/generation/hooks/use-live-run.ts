"use client";

import type { TGenerationRun } from "@arbiter/shared";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/ui";
import { getRun } from "../api";
import { isActive } from "../format";

const POLL_MS = 1_000;
const MAX_BACKOFF_MS = 15_000;

/**
 * The run as the API last reported it, polled while it is queued or running. A failed poll
 * keeps the last counts on screen, says so, and retries with a growing pause.
 */
export function useLiveRun(projectId: string, initial: TGenerationRun) {
  const [run, setRun] = useState(initial);
  const [stale, setStale] = useState<string | null>(null);
  const failures = useRef(0);
  const active = isActive(run);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const next = await getRun(projectId, initial.id, controller.signal);
        failures.current = 0;
        setStale(null);
        setRun(next.run);
        if (!isActive(next.run)) return;
      } catch (err) {
        if (controller.signal.aborted) return;
        failures.current += 1;
        setStale(errorMessage(err));
      }
      const pause = Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** failures.current);
      timer = setTimeout(tick, pause);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [active, projectId, initial.id]);

  return { run, setRun, stale };
}

/** Re-renders every second while `on`, for clocks and rates computed from the time. */
export function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}
