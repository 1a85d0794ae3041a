import { enqueueSampleBatches, type GenerationQueue } from "@arbiter/jobs";
import type pg from "pg";
import { type BatchPolicy, forEachPendingBatch } from "./sample-batches";
import { finishRunIfComplete } from "./sample-store";

/**
 * Turns a queued run into sample rows and sample-batch jobs. Every step is idempotent, so a
 * plan job that crashed half-way (or is re-run to recover jobs Redis lost) picks up where it
 * stopped: rows are inserted ON CONFLICT DO NOTHING, and a batch's job id is its first
 * sample's id, the run's rows being cut the same way every time. Returns the samples enqueued.
 */
export async function planRun(
  pool: pg.Pool,
  queue: GenerationQueue,
  runId: string,
  policy: BatchPolicy,
): Promise<number> {
  const run = (
    await pool.query(
      "SELECT project_id, status, generator_ids, samples_per_prompt, prompt_ids FROM generation_runs WHERE id = $1",
      [runId],
    )
  ).rows[0];
  if (!run || (run.status !== "QUEUED" && run.status !== "RUNNING")) return 0;

  // Prompts and generators are re-checked against the project: ids in a run come from a
  // request and must never reach another project's rows.
  await pool.query(
    `INSERT INTO generation_samples (run_id, prompt_id, generator_id, sample_index)
     SELECT $1, p.id, g.id, s.i
       FROM prompts p
       JOIN generators g ON g.project_id = p.project_id AND g.id = ANY($3::uuid[]) AND g.deleted_at IS NULL
      CROSS JOIN generate_series(0, $4::int - 1) AS s(i)
      WHERE p.project_id = $2 AND (cardinality($5::uuid[]) = 0 OR p.id = ANY($5::uuid[]))
     ON CONFLICT DO NOTHING`,
    [runId, run.project_id, run.generator_ids, run.samples_per_prompt, run.prompt_ids],
  );
  // A sample that an earlier run already produced is done without asking the model again;
  // the run starts in the same statement (one round trip less before its first request).
  const started = await pool.query(
    `WITH produced AS (
       UPDATE generation_samples s SET status = 'DONE', completion_id = c.id, updated_at = now()
         FROM completions c
        WHERE s.run_id = $1 AND s.status = 'PENDING' AND c.prompt_id = s.prompt_id
          AND c.generator_id = s.generator_id AND c.sample_index = s.sample_index)
     UPDATE generation_runs
        SET status = 'RUNNING', started_at = coalesce(started_at, now()),
            total = (SELECT count(*) FROM generation_samples WHERE run_id = $1)
      WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
    [runId],
  );
  if (started.rowCount === 0) return 0;

  let enqueued = 0;
  await forEachPendingBatch(pool, runId, policy, async (batches) => {
    await enqueueSampleBatches(
      queue,
      runId,
      batches.map((b) => ({ firstSampleId: b.firstSampleId, sampleIds: b.pendingIds })),
    );
    for (const b of batches) enqueued += b.pendingIds.length;
    return true;
  });
  await finishRunIfComplete(pool, runId);
  return enqueued;
}
