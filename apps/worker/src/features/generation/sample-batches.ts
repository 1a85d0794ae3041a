import type pg from "pg";

/** A job's share of a run: consecutive samples (by id) of one generator. */
export type TSampleBatch = { generatorId: string; firstSampleId: string; pendingIds: string[] };

export type BatchPolicy = {
  /** Samples per job, when set; else chosen from the run's size (see `batchSizeFor`). */
  fixedSize?: number;
};

const MAX_BATCH = 50;
// A generator's share of a run is cut into at least this many jobs before batches grow; with
// a job's lanes (see runBatch) that is parallelism enough for a generator with many slots.
const MIN_JOBS = 20;
const PAGE = 5_000;

export function batchSizeFor(samples: number, policy: BatchPolicy): number {
  if (policy.fixedSize) return policy.fixedSize;
  return Math.min(MAX_BATCH, Math.max(1, Math.floor(samples / MIN_JOBS)));
}

/**
 * Walks a run's ledger and hands over its batches that still have pending samples, a page
 * at a time. The cut depends only on the run's rows (all of them, finished or not, in id
 * order per generator) and the policy, never on what is pending: planning again, or the
 * recovery sweep, finds the same batches with the same first sample, hence the same job ids,
 * so enqueueing twice adds nothing and a live job is recognised. A cursor reads the ledger
 * once, however large the run.
 */
export async function forEachPendingBatch(
  pool: pg.Pool,
  runId: string,
  policy: BatchPolicy,
  onPage: (batches: TSampleBatch[]) => Promise<boolean | undefined>,
): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows: generators } = await client.query<{ generator_id: string; n: number }>(
      "SELECT generator_id, count(*)::int AS n FROM generation_samples WHERE run_id = $1 GROUP BY generator_id ORDER BY generator_id",
      [runId],
    );
    await client.query("BEGIN READ ONLY");
    for (const { generator_id: generatorId, n } of generators) {
      const size = batchSizeFor(n, policy);
      await client.query(
        `DECLARE batch_rows NO SCROLL CURSOR FOR
           SELECT id, status = 'PENDING' AS pending FROM generation_samples
            WHERE run_id = $1 AND generator_id = $2 ORDER BY id`,
        [runId, generatorId],
      );
      for (;;) {
        // A multiple of the batch size, so that pages cut at batch boundaries.
        const { rows } = await client.query<{ id: string; pending: boolean }>(
          `FETCH ${size * Math.ceil(PAGE / size)} FROM batch_rows`,
        );
        if (rows.length === 0) break;
        const batches: TSampleBatch[] = [];
        for (let i = 0; i < rows.length; i += size) {
          const chunk = rows.slice(i, i + size);
          const pendingIds = chunk.filter((r) => r.pending).map((r) => r.id);
          if (pendingIds.length > 0) batches.push({ generatorId, firstSampleId: chunk[0]!.id, pendingIds });
        }
        if (batches.length > 0 && (await onPage(batches)) === false) {
          await client.query("COMMIT");
          return;
        }
      }
      await client.query("CLOSE batch_rows");
    }
    await client.query("COMMIT");
  } catch (err) {
    broken = err as Error;
    throw err;
  } finally {
    // A connection that failed mid-transaction is dropped rather than handed to the next user.
    client.release(broken);
  }
}
