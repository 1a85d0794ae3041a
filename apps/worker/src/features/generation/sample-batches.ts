import { MAX_SAMPLES_PER_JOB } from "@arbiter/jobs";
import type pg from "pg";

/** A job's share of a run: consecutive samples (by id) of one generator. */
export type TSampleBatch = { generatorId: string; firstSampleId: string; pendingIds: string[] };

export type BatchPolicy = {
  /** Samples per job, when set; else chosen from the run's size (see `batchSizeFor`). */
  fixedSize?: number;
};

// The largest batch a job payload may carry. Each job costs a read, a write, an end-of-run
// check and BullMQ's hand-overs, so fewer, larger jobs leave more of the worker to requests:
// measured with bench:generate, batches of 100 beat 50 in each of four paired runs (median
// ratios 0.81-0.92 against 0.78-0.82).
const MAX_BATCH = MAX_SAMPLES_PER_JOB;
// A generator's share of a run is cut into at least this many jobs before batches grow; with
// a job's lanes (see runBatch) that is parallelism enough for a generator with many slots.
const MIN_JOBS = 10;
const PAGE = 5_000;

export function batchSizeFor(samples: number, policy: BatchPolicy): number {
  if (policy.fixedSize) return policy.fixedSize;
  return Math.min(MAX_BATCH, Math.max(1, Math.floor(samples / MIN_JOBS)));
}

type TLedgerRow = { id: string; generator_id: string; pending: boolean; n: number };

/**
 * A stretch of a run's prompts (by id) whose samples are walked on their own: planning
 * enqueues a run's head before it writes the rest. `perGenerator` is the whole run's
 * samples per generator, which the batch size is chosen from. A part must start and end on
 * batch boundaries (see planRun) for its batches to be the whole run's.
 */
export type TLedgerPart = { afterPromptId?: string; throughPromptId?: string; perGenerator: number };

/**
 * Walks a run's ledger and hands over its batches that still have pending samples, a page
 * at a time. The cut depends only on the run's rows (all of them, finished or not, per
 * generator in prompt and sample order) and the policy, never on what is pending nor on the
 * order rows were written in: planning again, or the recovery sweep, finds the same batches
 * with the same first sample, hence the same job ids, so enqueueing twice adds nothing and a
 * live job is recognised. A cursor reads the ledger once, however large the run; `onPage`
 * returning false stops the walk.
 */
export async function forEachPendingBatch(
  pool: pg.Pool,
  runId: string,
  policy: BatchPolicy,
  onPage: (batches: TSampleBatch[]) => Promise<boolean>,
  part?: TLedgerPart,
): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const bounds = [
    part?.afterPromptId ? `AND prompt_id > ${client.escapeLiteral(part.afterPromptId)}` : "",
    part?.throughPromptId ? `AND prompt_id <= ${client.escapeLiteral(part.throughPromptId)}` : "",
  ].join(" ");
  const perGenerator = part
    ? `${Number(part.perGenerator)}`
    : "count(*) OVER (PARTITION BY generator_id)::int";
  try {
    // One round trip opens the transaction and the cursor (simple protocol, so the values are
    // quoted literals), since planning sits between a run's start and its first request.
    await client.query(
      `BEGIN READ ONLY;
       DECLARE batch_rows NO SCROLL CURSOR FOR
         SELECT id, generator_id, status = 'PENDING' AS pending, ${perGenerator} AS n
           FROM generation_samples WHERE run_id = ${client.escapeLiteral(runId)} ${bounds}
          ORDER BY generator_id, prompt_id, sample_index`,
    );
    let chunk: TLedgerRow[] = [];
    let size = 1;
    let batches: TSampleBatch[] = [];
    const cut = () => {
      const pendingIds = chunk.filter((r) => r.pending).map((r) => r.id);
      if (pendingIds.length > 0) {
        batches.push({ generatorId: chunk[0]!.generator_id, firstSampleId: chunk[0]!.id, pendingIds });
      }
      chunk = [];
    };
    for (;;) {
      const { rows } = await client.query<TLedgerRow>(`FETCH ${PAGE} FROM batch_rows`);
      for (const row of rows) {
        if (chunk.length > 0 && chunk[0]!.generator_id !== row.generator_id) cut();
        if (chunk.length === 0) size = batchSizeFor(row.n, policy);
        chunk.push(row);
        if (chunk.length === size) cut();
      }
      const last = rows.length < PAGE;
      if (last && chunk.length > 0) cut();
      const page = batches;
      batches = [];
      if ((page.length > 0 && !(await onPage(page))) || last) break;
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
