export type SortDir = "asc" | "desc";
export type Sort<K extends string> = { key: K; dir: SortDir };

/**
 * Sorts rows by one column; missing values (null: nothing measured yet) go last in both
 * directions, so sorting never buries the rows that have numbers behind a block of dashes.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: Sort<K>,
  value: (row: T, key: K) => string | number | null,
): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === "string" || typeof y === "string")
      return sign * String(x).localeCompare(String(y), "en", { sensitivity: "base" });
    return sign * (x - y);
  });
}

/** Clicking the sorted column flips it; a new column starts with its natural direction. */
export function nextSort<K extends string>(current: Sort<K>, key: K, firstDir: SortDir): Sort<K> {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: firstDir };
}
