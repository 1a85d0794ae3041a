import { type ExportQueue, enqueueExport, exportJobId } from "@arbiter/jobs";
import type pg from "pg";
import { failExport } from "./run-export";

const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * Puts back the jobs of exports that the queue does not hold. The API keeps an export
 * QUEUED when Redis is away at request time (the request is recorded, the job is not),
 * and Redis may restart without persistence, losing queued jobs; in both cases the row
 * still says QUEUED or RUNNING and no job exists. Enqueueing uses the export's stable job
 * id, so a sweep racing the API's own enqueue adds nothing. A job that ended (failed by
 * the stall limit) while its row still says running is reported as failed rather than
 * retried forever. Returns the exports enqueued or closed.
 */
export async function recoverExports(pool: pg.Pool, queue: ExportQueue): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM exports WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at",
  );
  let recovered = 0;
  for (const { id } of rows) {
    const state = await queue.getJobState(exportJobId(id));
    if (LIVE_STATES.has(state)) continue;
    if (state === "unknown") await enqueueExport(queue, id);
    else await failExport(pool, id, "The export job stopped before finishing; request the export again");
    recovered += 1;
  }
  return recovered;
}
