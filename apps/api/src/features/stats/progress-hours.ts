import { withTransaction } from "@arbiter/db";
import type pg from "pg";
import { FULL_EVERY_MS, LOOK_BACK_SECONDS, projectCache } from "./project-cache";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A project's answers created in one UTC hour: current ones, counted ones (superseded or not), and who gave any. */
export type Hour = { live: number; counted: number; annotators: string[] };

/** Counted answers and annotators of the partial hours at the start of the last day and week. */
export type Edges = { countedDay: number; dayAnnotators: string[]; weekAnnotators: string[] };

type Kept = { epoch: string; readAt: number; fullAt: number; hours: Map<number, Hour> };

/**
 * The progress charts and rates, like the digest (see digest-cache.ts), are kept per
 * project by hour of created_at: a request re-reads the hours from the one holding its
 * last read minus OVERLAP (answers are appended; a late commit carries its transaction's
 * start) and replaces them. An undo changes the live count of its answer's hour, created
 * at most UNDO_WINDOW_SECONDS before the undo started, so the re-read also reaches back
 * that much further (LOOK_BACK, as in digest-cache.ts) and an undo bumps no epoch.
 * Anything else that changes these counts (any other edit of superseded_at, created_at or
 * counted, deletions) bumps projects.stats_epoch, and an older epoch means a read from
 * scratch. The hours go back KEPT_DAYS, past the 90 days charted.
 */
const KEPT_DAYS = 91;

// `fullReads` counts reads from scratch, for tests to tell them from re-reads.
const kept = projectCache<{ hours?: Kept; busy: Promise<unknown>; fullReads: number }>(4, () => ({
  busy: Promise.resolve(),
  fullReads: 0,
}));

/** How many times this process read the project's hours from scratch (tests observe the cache with it). */
export function progressFullReads(pool: pg.Pool, projectId: string): number {
  return kept(pool, projectId).fullReads;
}

const HOURS = `
  SELECT (extract(epoch FROM date_trunc('hour', created_at AT TIME ZONE 'UTC')) * 1000)::float8 AS hour,
         count(*) FILTER (WHERE superseded_at IS NULL)::int AS live,
         count(*) FILTER (WHERE counted)::int AS counted,
         array_agg(DISTINCT annotator_id::text) AS annotators
    FROM judgments WHERE project_id = $1 AND created_at >= $2
   GROUP BY 1`;

// The parts of the hours holding now - 1 day and now - 7 days that fall inside those windows.
const EDGES = `
  WITH d AS (SELECT annotator_id, counted FROM judgments
              WHERE project_id = $1 AND created_at > $2::timestamptz - interval '1 day' AND created_at < $3),
       w AS (SELECT DISTINCT annotator_id FROM judgments
              WHERE project_id = $1 AND created_at > $2::timestamptz - interval '7 days' AND created_at < $4)
  SELECT (SELECT count(*) FILTER (WHERE counted) FROM d)::int AS counted_day,
         (SELECT array_agg(DISTINCT annotator_id::text) FROM d) AS day,
         (SELECT array_agg(annotator_id::text) FROM w) AS week`;

const hourOf = (ms: number) => Math.floor(ms / HOUR) * HOUR;

/** The project's answers by hour (the last KEPT_DAYS days), and the window edges as of `now`. */
export function progressHours(pool: pg.Pool, projectId: string, now: Date) {
  const slot = kept(pool, projectId);
  const run = slot.busy.then(() =>
    withTransaction(pool, async (client) => {
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL jit = off");
      const { rows: basis } = await client.query<{ read_at: Date; epoch: string | null }>(
        "SELECT now() AS read_at, (SELECT stats_epoch::text FROM projects WHERE id = $1) AS epoch",
        [projectId],
      );
      const readAt = basis[0]!.read_at.getTime();
      const epoch = basis[0]!.epoch ?? "";
      const old = slot.hours;
      const fresh = old && old.epoch === epoch && readAt - old.fullAt < FULL_EVERY_MS;
      if (!fresh) slot.fullReads += 1;
      const from = fresh ? hourOf(old.readAt - LOOK_BACK_SECONDS * 1000) : hourOf(readAt - KEPT_DAYS * DAY);
      const { rows } = await client.query<Hour & { hour: number }>(HOURS, [projectId, new Date(from)]);
      const hours = fresh ? old.hours : new Map<number, Hour>();
      // Re-read hours replace what was kept of them.
      for (const at of hours.keys()) if (at >= from) hours.delete(at);
      for (const { hour, ...counts } of rows) hours.set(hour, counts);
      for (const at of hours.keys()) if (at < hourOf(readAt - KEPT_DAYS * DAY)) hours.delete(at);
      slot.hours = { epoch, readAt, fullAt: fresh ? old.fullAt : readAt, hours };
      const t = now.getTime();
      const { rows: edges } = await client.query<{
        counted_day: number;
        day: string[] | null;
        week: string[] | null;
      }>(EDGES, [projectId, now, new Date(hourOf(t - DAY) + HOUR), new Date(hourOf(t - 7 * DAY) + HOUR)]);
      const e = edges[0]!;
      return {
        hours: new Map(hours),
        edges: {
          countedDay: e.counted_day,
          dayAnnotators: e.day ?? [],
          weekAnnotators: e.week ?? [],
        } as Edges,
      };
    }),
  );
  slot.busy = run.catch(() => {});
  return run;
}
