"use client";

import type { TExport } from "@arbiter/shared";
import { useCallback, useEffect, useState } from "react";
import { fetchExport, fetchExports } from "../api";

const POLL_MS = 1_000;
const active = (e: TExport) => e.status === "QUEUED" || e.status === "RUNNING";

/**
 * The project's exports, newest first; the ones still queued or running are asked about
 * every second until they finish, so progress bars move and links appear on their own.
 */
export function useExports(projectId: string, initial: TExport[]) {
  const [exports, setExports] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const running = exports.filter(active).map((e) => e.id);
  const runningKey = running.join(",");

  useEffect(() => {
    if (!runningKey) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const fresh = await Promise.all(runningKey.split(",").map((id) => fetchExport(id)));
        if (stopped) return;
        const byId = new Map(fresh.map((r) => [r.export.id, r.export]));
        setExports((all) => all.map((e) => byId.get(e.id) ?? e));
        setPollError(null);
      } catch (err) {
        if (!stopped) setPollError(err instanceof Error ? err.message : String(err));
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [runningKey]);

  const add = useCallback((e: TExport) => setExports((all) => [e, ...all.filter((x) => x.id !== e.id)]), []);
  const reload = useCallback(async () => setExports((await fetchExports(projectId)).exports), [projectId]);
  return { exports, add, reload, pollError };
}
