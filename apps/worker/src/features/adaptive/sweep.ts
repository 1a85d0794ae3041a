import { type AdaptiveQueue, enqueueReestimate } from "@arbiter/jobs";
import type pg from "pg";

/**
 * The safety net under the debounced enqueue (which a Redis outage or a burst during a
 * fit can miss): every active adaptive project with an answer newer than its last fit gets
 * a refit, at once. Returns the projects enqueued.
 */
export async function enqueueStaleProjects(pool: pg.Pool, queue: AdaptiveQueue): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT p.id FROM projects p
       LEFT JOIN project_fits f ON f.project_id = p.id
      WHERE p.status = 'ACTIVE' AND (p.overlap_min IS NOT NULL OR p.selection <> 'uniform')
        AND EXISTS (SELECT 1 FROM judgments j
                     WHERE j.project_id = p.id AND (f.fitted_at IS NULL OR j.created_at > f.fitted_at))`,
  );
  for (const { id } of rows) await enqueueReestimate(queue, id, 0);
  return rows.map((r) => r.id);
}
