import type pg from "pg";
import { finishRunIfComplete, storeBatch, type TBatchWrite, type TCompletionValues } from "./sample-store";

export type BatchWriter = ReturnType<typeof createBatchWriter>;

/**
 * Buffers a job's results and writes them in one statement; then closes the run if the job
 * settled its last samples. The job's lanes share it: writes are chained, never concurrent.
 */
export function createBatchWriter(pool: pg.Pool, runId: string) {
  let buffer: TBatchWrite = { done: [], errors: [] };
  let since = Date.now();
  let stored = 0;
  let failed = 0;
  let settledAny = false;
  let chain: Promise<boolean> = Promise.resolve(true);

  async function writeBuffered(): Promise<boolean> {
    if (buffer.done.length === 0 && buffer.errors.length === 0) return true;
    const pending = buffer;
    buffer = { done: [], errors: [] };
    const written = await storeBatch(pool, runId, pending);
    stored += written.stored;
    failed += written.failed;
    if (written.stored + written.failed > 0) settledAny = true;
    // A run is QUEUED while planning still writes its ledger, and its head is already under way.
    return written.runStatus === "RUNNING" || written.runStatus === "QUEUED";
  }

  /** Writes what is buffered; false once the run is no longer under way (cancelled). */
  function write(): Promise<boolean> {
    since = Date.now();
    chain = chain.then(writeBuffered, writeBuffered);
    return chain;
  }

  return {
    done: (sampleId: string, values: TCompletionValues) => buffer.done.push({ sampleId, values }),
    error: (sampleId: string, message: string, final: boolean) =>
      buffer.errors.push({ sampleId, message, final }),
    age: () => Date.now() - since,
    write,
    /** The last write, then the end-of-run check when this job may have settled the run's last samples. */
    close: async () => {
      await write();
      if (settledAny) await finishRunIfComplete(pool, runId);
      return { stored, failed };
    },
  };
}
