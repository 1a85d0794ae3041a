import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";
import { DAY, HOUR, type Hour, progressHours } from "./progress-hours";
import { statsQuery } from "./statement";

type Progress = TProjectStats["progress"];
const HOURS_SHOWN = 48;
const DAYS_SHOWN = 90;

/** Buckets with no answers are filled in so that charts show gaps as zeros. */
function dense(counts: Map<number, number>, step: number, buckets: number, now: number) {
  const last = Math.floor(now / step) * step;
  return Array.from({ length: buckets }, (_, k) => {
    const at = last - (buckets - 1 - k) * step;
    return { at: new Date(at).toISOString(), count: counts.get(at) ?? 0 };
  });
}

/**
 * Answers per hour and per day (current ones), counted answers and distinct annotators
 * over the last day and week (any answers), from the kept hours: whole hours inside a
 * window come from them, the partial hour at a window's start from `edges`.
 */
function fromHours(
  hours: Map<number, Hour>,
  edges: Awaited<ReturnType<typeof progressHours>>["edges"],
  t: number,
) {
  const perHour = new Map<number, number>();
  const perDay = new Map<number, number>();
  const dayFrom = Math.floor(t / HOUR) * HOUR - DAY + HOUR;
  const weekFrom = Math.floor(t / HOUR) * HOUR - 7 * DAY + HOUR;
  const dayAnnotators = new Set(edges.dayAnnotators);
  const weekAnnotators = new Set(edges.weekAnnotators);
  let countedDay = edges.countedDay;
  for (const [at, h] of hours) {
    perHour.set(at, h.live);
    const day = Math.floor(at / DAY) * DAY;
    perDay.set(day, (perDay.get(day) ?? 0) + h.live);
    if (at >= weekFrom) for (const a of h.annotators) weekAnnotators.add(a);
    if (at < dayFrom) continue;
    countedDay += h.counted;
    for (const a of h.annotators) dayAnnotators.add(a);
  }
  return {
    perHour,
    perDay,
    countedDay,
    annotatorsDay: dayAnnotators.size,
    annotatorsWeek: weekAnnotators.size,
  };
}

/**
 * A rate is answers over the time annotators were at it: from the first counted answer of
 * the last day (so a project started two hours ago, or resumed after a quiet spell, is not
 * diluted over 24) to now, but never under an hour, so a first handful of answers does not
 * project a runaway pace. Pauses are not recorded, so a pause inside the window counts.
 */
const MIN_RATE_WINDOW_HOURS = 1;
const FIRST_COUNTED_TODAY = `
  SELECT min(created_at) AS first FROM judgments
   WHERE project_id = $1 AND counted AND created_at > $2::timestamptz - interval '1 day' AND created_at <= $2`;

export function rateWindowHours(firstCounted: Date | null, now: Date): number {
  if (!firstCounted) return 24;
  const hours = (now.getTime() - firstCounted.getTime()) / HOUR;
  return Math.min(24, Math.max(MIN_RATE_WINDOW_HOURS, hours));
}

export async function loadProgress(pool: pg.Pool, projectId: string, now: Date): Promise<Progress> {
  // The item counts change as leases expire: read every time (one pass over the items).
  const [items, { hours, edges }, first] = await Promise.all([
    statsQuery<{ total: number; complete: number; in_progress: number; remaining: number }>(
      pool,
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE i.status = 'COMPLETE')::int AS complete,
              count(*) FILTER (WHERE i.status = 'OPEN' AND (i.judgments_count > 0 OR EXISTS (
                SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.status = 'ACTIVE' AND a.expires_at > $2)))::int
                AS in_progress,
              COALESCE(sum(GREATEST(i.judgments_wanted - i.judgments_count, 0)) FILTER (WHERE i.status = 'OPEN'), 0)::int
                AS remaining
         FROM items i
        WHERE i.project_id = $1 AND NOT i.is_gold AND i.status <> 'DISABLED'`,
      [projectId, now],
    ),
    progressHours(pool, projectId, now),
    pool.query<{ first: Date | null }>(FIRST_COUNTED_TODAY, [projectId, now]),
  ]);
  const t = now.getTime();
  const r = fromHours(hours, edges, t);
  const i = items.rows[0]!;
  const windowHours = rateWindowHours(first.rows[0]?.first ?? null, now);
  const ratePerHour = r.countedDay / windowHours;
  return {
    items: {
      total: i.total,
      complete: i.complete,
      inProgress: i.in_progress,
      untouched: i.total - i.complete - i.in_progress,
    },
    remainingJudgments: i.remaining,
    perHour: dense(r.perHour, HOUR, HOURS_SHOWN, t),
    perDay: dense(r.perDay, DAY, DAYS_SHOWN, t),
    ratePerHour,
    rateWindowHours: windowHours,
    activeAnnotators: { lastDay: r.annotatorsDay, lastWeek: r.annotatorsWeek },
    // No items is not "finished": there is nothing to project yet.
    projectedHoursToFinish:
      i.total === 0 ? null : i.remaining === 0 ? 0 : ratePerHour > 0 ? i.remaining / ratePerHour : null,
  };
}
