import type pg from "pg";

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
