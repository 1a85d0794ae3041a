import { enqueueSampleBatches, type GenerationQueue, planRunJobId, sampleBatchJobId } from "@arbiter/jobs";
import type pg from "pg";
import { planRun } from "./plan-run";
import { type BatchPolicy, forEachPendingBatch, type TSampleBatch } from "./sample-batches";
import { finishRunIfComplete } from "./sample-store";

const PROBE = 20;
const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * Puts back the jobs of active runs that the queue no longer holds. Redis may restart
 * without persistence (losing every queued job), and a job interrupted by crashes more
 * often than the stall limit is failed without running; in both cases the sample ledger
 * still says PENDING. A run is "lost" when none of a handful of its batches with pending
 * samples has a live job; its pending batches are then enqueued again (finished leftovers removed first, since a
 * job id that still exists would make the add a no-op). Returns the runs recovered.
 */
export async function recoverRuns(
  pool: pg.Pool,
  queue: GenerationQueue,
  policy: BatchPolicy,
): Promise<number> {
  const { rows: runs } = await pool.query<{ id: string; status: string }>(
    "SELECT id, status FROM generation_runs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at",
  );
  let recovered = 0;
  for (const run of runs) {
    if (LIVE_STATES.has(await queue.getJobState(planRunJobId(run.id)))) continue;
    if (run.status === "QUEUED") {
      // Its plan job is gone: plan it here, which enqueues the samples.
      await planRun(pool, queue, run.id, policy);
      recovered += 1;
      continue;
    }
    let probe: TSampleBatch[] = [];
    await forEachPendingBatch(pool, run.id, policy, async (batches) => {
      probe = batches.slice(0, PROBE);
      return false;
    });
    if (probe.length === 0) {
      // Nothing pending, yet still RUNNING: its last samples finished together (see runBatch).
      if (await finishRunIfComplete(pool, run.id)) recovered += 1;
      continue;
    }
    const states = await Promise.all(probe.map((b) => queue.getJobState(sampleBatchJobId(b.firstSampleId))));
    if (states.some((s) => LIVE_STATES.has(s))) continue;

    await forEachPendingBatch(pool, run.id, policy, async (batches) => {
      for (const b of batches) {
        const id = sampleBatchJobId(b.firstSampleId);
        const state = await queue.getJobState(id);
        if (state === "completed" || state === "failed") await queue.remove(id);
      }
      await enqueueSampleBatches(
        queue,
        run.id,
        batches.map((b) => ({ firstSampleId: b.firstSampleId, sampleIds: b.pendingIds })),
      );
      return true;
    });
    recovered += 1;
  }
  return recovered;
}
