import type { TGenerationRun } from "@arbiter/shared";
import type { BadgeTone } from "@/components/ui";
import { count } from "@/components/ui/format";

export const ACTIVE: TGenerationRun["status"][] = ["QUEUED", "RUNNING"];
export const isActive = (run: Pick<TGenerationRun, "status">) => ACTIVE.includes(run.status);

export const RUN_STATUS: Record<TGenerationRun["status"], { label: string; tone: BadgeTone }> = {
  QUEUED: { label: "Queued", tone: "neutral" },
  RUNNING: { label: "Running", tone: "accent" },
  SUCCEEDED: { label: "Finished", tone: "success" },
  FAILED: { label: "Finished with failures", tone: "warning" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/**
 * The badge of a run. A large run's first requests go out while the worker still writes the
 * rest of its samples; it stays QUEUED until then, but has started, so it says so.
 */
export function runStatusBadge(run: Pick<TGenerationRun, "status" | "startedAt">) {
  if (run.status === "QUEUED" && run.startedAt) return { label: "Starting", tone: "accent" as BadgeTone };
  return RUN_STATUS[run.status];
}

type Timed = Pick<TGenerationRun, "done" | "failed" | "startedAt" | "finishedAt">;

/** Samples finished (stored or failed) per second since the run started; null before it has. */
export function throughput(run: Timed, now = Date.now()): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  const seconds = (end - Date.parse(run.startedAt)) / 1000;
  // A live rate over the first half second is noise; a finished run's is exact.
  if (seconds <= 0 || (!run.finishedAt && seconds < 0.5)) return null;
  return (run.done + run.failed) / seconds;
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return "—";
  if (perSecond >= 10) return `${Math.round(perSecond).toLocaleString("en")}/s`;
  if (perSecond >= 1) return `${perSecond.toFixed(1)}/s`;
  return `${(perSecond * 60).toFixed(1)}/min`;
}

/** Seconds left at the current pace; null when it cannot be told. */
export function eta(run: Timed & Pick<TGenerationRun, "pending">, now = Date.now()): number | null {
  const rate = throughput(run, now);
  if (!rate || run.pending === 0 || run.finishedAt) return null;
  return run.pending / rate;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1 prompt", "2 prompts": the kinds counted here all take an s. */
export const countOf = (n: number, plural: string) =>
  `${count(n)} ${n === 1 ? plural.replace(/s$/, "") : plural}`;
