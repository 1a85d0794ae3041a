import { enqueueSamples, type GenerationQueue, planRunJobId, sampleJobId } from "@arbiter/jobs";
import type pg from "pg";
import { planRun } from "./plan-run";
import { finishRunIfComplete } from "./sample-store";

const PROBE = 20;
const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * Puts back the jobs of active runs that the queue no longer holds. Redis may restart
 * without persistence (losing every queued job), and a job interrupted by crashes more
 * often than the stall limit is failed without running; in both cases the sample ledger
 * still says PENDING. A run is "lost" when none of a handful of its pending samples has a
 * live job; its pending samples are then enqueued again (finished leftovers removed first,
 * since a job id that still exists would make the add a no-op). Returns the runs recovered.
 */
export async function recoverRuns(pool: pg.Pool, queue: GenerationQueue): Promise<number> {
  const { rows: runs } = await pool.query<{ id: string; status: string }>(
    "SELECT id, status FROM generation_runs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at",
  );
  let recovered = 0;
  for (const run of runs) {
    if (LIVE_STATES.has(await queue.getJobState(planRunJobId(run.id)))) continue;
    if (run.status === "QUEUED") {
      // Its plan job is gone: plan it here, which enqueues the samples.
      await planRun(pool, queue, run.id);
      recovered += 1;
      continue;
    }
    const { rows: probe } = await pool.query<{ id: string }>(
      "SELECT id FROM generation_samples WHERE run_id = $1 AND status = 'PENDING' LIMIT $2",
      [run.id, PROBE],
    );
    if (probe.length === 0) {
      // Nothing pending, yet still RUNNING: its last samples finished together (see runSample).
      if (await finishRunIfComplete(pool, run.id)) recovered += 1;
      continue;
    }
    const states = await Promise.all(probe.map((s) => queue.getJobState(sampleJobId(s.id))));
    if (states.some((s) => LIVE_STATES.has(s))) continue;

    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const { rows } = await pool.query<{ id: string }>(
        "SELECT id FROM generation_samples WHERE run_id = $1 AND status = 'PENDING' AND id > $2 ORDER BY id LIMIT 1000",
        [run.id, after],
      );
      if (rows.length === 0) break;
      for (const { id } of rows) {
        const state = await queue.getJobState(sampleJobId(id));
        if (state === "completed" || state === "failed") await queue.remove(sampleJobId(id));
      }
      await enqueueSamples(
        queue,
        run.id,
        rows.map((r) => r.id),
      );
      after = rows.at(-1)!.id;
    }
    recovered += 1;
  }
  return recovered;
}
