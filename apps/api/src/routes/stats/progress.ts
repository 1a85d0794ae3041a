import type { TProjectStats } from "@arbiter/shared";
import type pg from "pg";

type Progress = TProjectStats["progress"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HOURS_SHOWN = 48;
const DAYS_SHOWN = 90;

/** Buckets with no answers are filled in so that charts show gaps as zeros. */
function dense(rows: { at: Date; count: number }[], step: number, buckets: number, now: number) {
  const counts = new Map(rows.map((r) => [r.at.getTime(), r.count]));
  const last = Math.floor(now / step) * step;
  return Array.from({ length: buckets }, (_, k) => {
    const at = last - (buckets - 1 - k) * step;
    return { at: new Date(at).toISOString(), count: counts.get(at) ?? 0 };
  });
}

export async function loadProgress(pool: pg.Pool, projectId: string, now: Date): Promise<Progress> {
  const [items, series, recent] = await Promise.all([
    pool.query<{ total: number; complete: number; in_progress: number; remaining: number }>(
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
    pool.query<{ unit: "hour" | "day"; at: Date; count: number }>(
      `SELECT 'day' AS unit, date_trunc('day', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS at, count(*)::int AS count
         FROM judgments WHERE project_id = $1 AND superseded_at IS NULL AND created_at > $2::timestamptz - interval '${DAYS_SHOWN} days'
        GROUP BY 2
       UNION ALL
       SELECT 'hour', date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*)::int
         FROM judgments WHERE project_id = $1 AND superseded_at IS NULL AND created_at > $2::timestamptz - interval '${HOURS_SHOWN} hours'
        GROUP BY 2`,
      [projectId, now],
    ),
    pool.query<{ counted_day: number; annotators_day: number; annotators_week: number }>(
      `SELECT count(*) FILTER (WHERE counted AND created_at > $2::timestamptz - interval '1 day')::int AS counted_day,
              count(DISTINCT annotator_id) FILTER (WHERE created_at > $2::timestamptz - interval '1 day')::int AS annotators_day,
              count(DISTINCT annotator_id)::int AS annotators_week
         FROM judgments WHERE project_id = $1 AND created_at > $2::timestamptz - interval '7 days'`,
      [projectId, now],
    ),
  ]);
  const i = items.rows[0]!;
  const r = recent.rows[0]!;
  const ratePerHour = r.counted_day / 24;
  const t = now.getTime();
  return {
    items: {
      total: i.total,
      complete: i.complete,
      inProgress: i.in_progress,
      untouched: i.total - i.complete - i.in_progress,
    },
    remainingJudgments: i.remaining,
    perHour: dense(
      series.rows.filter((s) => s.unit === "hour"),
      HOUR,
      HOURS_SHOWN,
      t,
    ),
    perDay: dense(
      series.rows.filter((s) => s.unit === "day"),
      DAY,
      DAYS_SHOWN,
      t,
    ),
    ratePerHour,
    activeAnnotators: { lastDay: r.annotators_day, lastWeek: r.annotators_week },
    // No items is not "finished": there is nothing to project yet.
    projectedHoursToFinish:
      i.total === 0 ? null : i.remaining === 0 ? 0 : ratePerHour > 0 ? i.remaining / ratePerHour : null,
  };
}
