import type { TJudgmentBody } from "@arbiter/shared";

/**
 * An answer on its way to the server, kept in localStorage until the server has it, so
 * that neither a failed request nor a reload loses it; re-sending reuses its key, so the
 * server never counts it twice.
 */
export type Pending = { key: string; body: TJudgmentBody };

const prefix = "arbiter.pending.";

export function savePending(assignmentId: string, pending: Pending): void {
  try {
    localStorage.setItem(prefix + assignmentId, JSON.stringify(pending));
  } catch {
    // Storage full or disabled: the in-memory copy still retries until the page closes.
  }
}

export function loadPending(assignmentId: string): Pending | null {
  try {
    const raw = localStorage.getItem(prefix + assignmentId);
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

export function clearPending(assignmentId: string): void {
  try {
    localStorage.removeItem(prefix + assignmentId);
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}
