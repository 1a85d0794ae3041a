import { AsyncResource } from "node:async_hooks";
import type pg from "pg";
import { judgmentBatchSize } from "../../lib/metrics";

/** The parameters of arbiter_judge for one answer (see arbiter_judge_batch's migration). */
export type JudgeRow = {
  assignment: string;
  annotator: string;
  api_key: string | null;
  session: string | null;
  rules: string | null;
  options: number | null;
  key: string;
  choice: string | null;
  strength: number | null;
  ranking: string[][] | null;
  answer: unknown;
  aspects: unknown;
  rationale: string | null;
  flags: string[];
  duration_ms: number | null;
  first: string | null;
};

type Waiting<T> = {
  row: JudgeRow;
  resolve: (out: T) => void;
  reject: (err: unknown) => void;
  /** The request's async context (its trace), which the batch's query runs in. */
  scope: AsyncResource;
};

// Two batches in Postgres at once keep both cores of a small server busy; answers that
// arrive meanwhile wait for the next batch (group commit), so under load one statement and
// one commit serve many answers, and alone an answer is sent at once.
const IN_FLIGHT = 2;
const MAX_BATCH = 64;
// Postgres rolled the whole batch back; nothing was written, so it is safe to send again.
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 3;

/**
 * Sends answers to arbiter_judge_batch, several per call under load. A batch holds at most
 * one answer per annotator (a second one, e.g. a retry racing its original, waits for the
 * next batch, where the first is already stored). If a batch fails, its answers are sent
 * again one by one, so one answer's error never fails another's.
 */
export class JudgmentBatcher<T extends { ord: number }> {
  private waiting: Waiting<T>[] = [];
  private inFlight = 0;

  constructor(private readonly pool: pg.Pool) {}

  judge(row: JudgeRow): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject, scope: new AsyncResource("JudgmentBatch") });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < IN_FLIGHT && this.waiting.length) {
      const batch: Waiting<T>[] = [];
      const later: Waiting<T>[] = [];
      const annotators = new Set<string>();
      for (const entry of this.waiting) {
        if (batch.length < MAX_BATCH && !annotators.has(entry.row.annotator)) {
          annotators.add(entry.row.annotator);
          batch.push(entry);
        } else later.push(entry);
      }
      this.waiting = later;
      this.inFlight += 1;
      // Sent in the first answer's context: otherwise a batch started when an earlier one
      // finished would run in that earlier request's trace.
      void batch[0]!.scope
        .runInAsyncScope(() => this.settle(batch))
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }

  private async settle(batch: Waiting<T>[]) {
    try {
      const rows = await this.send(batch.map((entry) => entry.row));
      const byOrd = new Map(rows.map((row) => [row.ord, row]));
      batch.forEach((entry, ord) => {
        const row = byOrd.get(ord);
        if (row) entry.resolve(row);
        else entry.reject(new Error("arbiter_judge_batch returned no row for an answer"));
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      await Promise.all(batch.map((entry) => this.settle([entry])));
    }
  }

  private async send(rows: JudgeRow[]): Promise<T[]> {
    const payload = JSON.stringify(rows.map((row, ord) => ({ ord, ...row })));
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await this.pool.query<T>({
          name: "judge_batch",
          text: "SELECT * FROM arbiter_judge_batch($1)",
          values: [payload],
        });
        judgmentBatchSize.observe(rows.length);
        return result.rows;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE.has(code)) throw err;
      }
    }
  }
}

// One batcher per database handle, i.e. per API instance (tests run several in one process).
const batchers = new WeakMap<pg.Pool, JudgmentBatcher<never>>();

export function judgmentBatcherOf<T extends { ord: number }>(pool: pg.Pool): JudgmentBatcher<T> {
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = new JudgmentBatcher<never>(pool);
    batchers.set(pool, batcher);
  }
  return batcher as unknown as JudgmentBatcher<T>;
}
