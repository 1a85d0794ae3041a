import type { TOptionKey } from "@arbiter/shared";

/** Best group first; keys inside one group are tied. */
export type Ranking = TOptionKey[][];

export function isRanked(ranking: Ranking, key: TOptionKey): boolean {
  return ranking.some((group) => group.includes(key));
}

export function removeKey(ranking: Ranking, key: TOptionKey): Ranking {
  return ranking.map((group) => group.filter((k) => k !== key)).filter((group) => group.length > 0);
}

/** Appends an option below the ranked ones, or into the last group when tied with it. */
export function appendKey(ranking: Ranking, key: TOptionKey, tieWithLast: boolean): Ranking {
  const rest = removeKey(ranking, key);
  if (tieWithLast && rest.length > 0) return [...rest.slice(0, -1), [...rest[rest.length - 1]!, key]];
  return [...rest, [key]];
}

/** Moves a group one place up (-1) or down (+1). */
export function moveGroup(ranking: Ranking, index: number, delta: -1 | 1): Ranking {
  const target = index + delta;
  if (index < 0 || index >= ranking.length || target < 0 || target >= ranking.length) return ranking;
  const next = [...ranking];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Ties a group with the one above it. */
export function tieWithPrevious(ranking: Ranking, index: number): Ranking {
  if (index <= 0 || index >= ranking.length) return ranking;
  const next = [...ranking];
  next.splice(index - 1, 2, [...ranking[index - 1]!, ...ranking[index]!]);
  return next;
}

/** Breaks a tied group into consecutive groups, in their current order. */
export function untie(ranking: Ranking, index: number): Ranking {
  const group = ranking[index];
  if (!group || group.length < 2) return ranking;
  return [...ranking.slice(0, index), ...group.map((k) => [k]), ...ranking.slice(index + 1)];
}

/** Moves one option (dragged) to just before the group at `index`, or to the end. */
export function placeBefore(ranking: Ranking, key: TOptionKey, index: number | "end"): Ranking {
  const rest = removeKey(ranking, key);
  if (index === "end") return [...rest, [key]];
  const anchor = (ranking[index] ?? []).find((k) => k !== key);
  if (!anchor) return ranking;
  const at = rest.findIndex((g) => g.includes(anchor));
  return [...rest.slice(0, at), [key], ...rest.slice(at)];
}

/** Moves one option (dragged) into the group at `index`: a tie. */
export function joinGroup(ranking: Ranking, key: TOptionKey, index: number): Ranking {
  const anchor = (ranking[index] ?? []).find((k) => k !== key);
  if (!anchor) return ranking;
  return removeKey(ranking, key).map((g) => (g.includes(anchor) ? [...g, key] : g));
}

/** "1st", "2nd", with "=" when the place is shared. */
/** The place a response holds (1 = best; tied responses share the place), null when unranked. */
export function placeOf(ranking: Ranking, key: TOptionKey): { n: number; tied: boolean } | null {
  let place = 1;
  for (const group of ranking) {
    if (group.includes(key)) return { n: place, tied: group.length > 1 };
    place += group.length;
  }
  return null;
}
