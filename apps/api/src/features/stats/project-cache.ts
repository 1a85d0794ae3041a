import { UNDO_WINDOW_SECONDS } from "@arbiter/shared";
import type pg from "pg";

// How far before its last read a kept cache re-reads, and how often it reads from scratch
// anyway; both the per-item digest and the progress hours use them (see digest-cache.ts for
// why: a late commit carries its transaction's start, and an undo's answer is at most
// UNDO_WINDOW_SECONDS older than the undo).
export const OVERLAP_SECONDS = 60;
export const LOOK_BACK_SECONDS = OVERLAP_SECONDS + UNDO_WINDOW_SECONDS;
export const FULL_EVERY_MS = 5 * 60_000;

/**
 * Something kept per project between statistics requests, for the `kept` most recently
 * used projects. Kept per pool, so each app (and each test database) has its own.
 */
export function projectCache<T>(kept: number, make: () => T) {
  const caches = new WeakMap<pg.Pool, Map<string, T>>();
  return (pool: pg.Pool, projectId: string): T => {
    let byProject = caches.get(pool);
    if (!byProject) {
      byProject = new Map();
      caches.set(pool, byProject);
    }
    let entry = byProject.get(projectId);
    if (entry !== undefined) {
      // Most recently used last, so the first entry is the one to drop.
      byProject.delete(projectId);
    } else {
      entry = make();
      if (byProject.size >= kept) byProject.delete(byProject.keys().next().value!);
    }
    byProject.set(projectId, entry);
    return entry;
  };
}
