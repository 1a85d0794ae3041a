import type pg from "pg";
import type { TChatMessage, TInferenceTarget } from "../../inference/client";

export type TGeneratorWork = TInferenceTarget & {
  concurrency: number;
  requestsPerMinute: number | null;
  deleted: boolean;
};

export type TSampleWork = {
  sampleId: string;
  runStatus: string;
  promptId: string;
  generatorId: string;
  sampleIndex: number;
  /** Failed attempts so far, from the ledger (a job retries only the samples that failed). */
  attempts: number;
  messages: TChatMessage[] | null;
  text: string | null;
  generator: TGeneratorWork;
};

// The batch statements find their rows by primary key only, and filter by run and status
// afterwards: given `run_id = ... AND status = 'PENDING'` as well, the planner was seen to
// read every pending row of the run to find a job's ten (a generic plan, or a fresh table
// without statistics, cannot tell how few ids an array holds).
const LOAD = `
SELECT s.id, s.run_id, s.status, r.status AS run_status, s.prompt_id, s.generator_id, s.sample_index,
       s.attempts, p.messages, p.text, g.base_url, g.model, g.mode, g.params, g.api_key_env,
       g.api_key_ciphertext,
       g.concurrency, g.requests_per_minute, g.deleted_at IS NOT NULL AS deleted
  FROM generation_samples s
  JOIN generation_runs r ON r.id = s.run_id
  JOIN prompts p ON p.id = s.prompt_id
  JOIN generators g ON g.id = s.generator_id
 WHERE s.id = ANY($1::uuid[])
 ORDER BY s.generator_id, s.id`;

export async function loadBatchWork(
  pool: pg.Pool,
  runId: string,
  sampleIds: string[],
): Promise<TSampleWork[]> {
  const { rows } = await pool.query({ name: "arbiter-generation-load", text: LOAD, values: [sampleIds] });
  return rows
    .filter((row) => row.run_id === runId && row.status === "PENDING")
    .map((row) => ({
      sampleId: row.id,
      runStatus: row.run_status,
      promptId: row.prompt_id,
      generatorId: row.generator_id,
      sampleIndex: row.sample_index,
      attempts: row.attempts,
      messages: row.messages,
      text: row.text,
      generator: {
        generatorId: row.generator_id,
        baseUrl: row.base_url,
        model: row.model,
        mode: row.mode,
        params: row.params ?? {},
        apiKeyCiphertext: row.api_key_ciphertext,
        apiKeyEnv: row.api_key_env,
        concurrency: row.concurrency,
        requestsPerMinute: row.requests_per_minute,
        deleted: row.deleted,
      },
    }));
}

export type TCompletionValues = {
  model: string;
  text: string;
  params: Record<string, unknown>;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  seed: number | null;
};

export type TSampleError = { sampleId: string; message: string; final: boolean };

export type TBatchWrite = {
  done: { sampleId: string; values: TCompletionValues }[];
  errors: TSampleError[];
};

export type TBatchWritten = {
  stored: number;
  failed: number;
  runStatus: string | null;
};

/**
 * Stores a batch's completions, marks those samples done and records the errors of the
 * failed ones, in one statement (one round trip, its own transaction). The batch's ledger
 * rows are locked first, in id order (every multi-row writer of the ledger locks in that
 * order, so two writers never deadlock), and only rows still pending are touched: a second
 * delivery of the same job (a stalled job handed to another worker) waits, then finds its
 * samples no longer pending, and a sample cancelled while its request was in flight gets
 * nothing. The completion insert is ON CONFLICT DO NOTHING on (prompt, generator, sample
 * index), so a row an earlier run or delivery wrote is reused, never duplicated. An error
 * adds an attempt and keeps the latest message visible; a final one fails the sample.
 */
const STORE = `
WITH d AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb)
    AS d(sample_id uuid, model text, text text, params jsonb, finish_reason text, prompt_tokens int,
         completion_tokens int, latency_ms int, seed int)),
e AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS e(sample_id uuid, message text, final boolean)),
all_locked AS (
  SELECT s.id, s.status, s.prompt_id, s.generator_id, s.sample_index
    FROM generation_samples s
   WHERE s.id = ANY($4::uuid[])
   ORDER BY s.id
     FOR UPDATE),
locked AS (SELECT * FROM all_locked WHERE status = 'PENDING'),
ins AS (
  INSERT INTO completions (prompt_id, generator_id, run_id, sample_index, source, model, text, params,
                           finish_reason, prompt_tokens, completion_tokens, latency_ms, seed)
  SELECT l.prompt_id, l.generator_id, $1, l.sample_index, 'GENERATED', d.model, d.text, d.params,
         d.finish_reason, d.prompt_tokens, d.completion_tokens, d.latency_ms, d.seed
    FROM locked l JOIN d ON d.sample_id = l.id
  ON CONFLICT (prompt_id, generator_id, sample_index) DO NOTHING
  RETURNING id, prompt_id, generator_id, sample_index),
marked AS (
  UPDATE generation_samples g
     SET status = 'DONE', error = NULL, updated_at = now(),
         completion_id = coalesce(
           (SELECT i.id FROM ins i
             WHERE i.prompt_id = l.prompt_id AND i.generator_id = l.generator_id AND i.sample_index = l.sample_index),
           (SELECT c.id FROM completions c
             WHERE c.prompt_id = l.prompt_id AND c.generator_id = l.generator_id AND c.sample_index = l.sample_index))
    FROM locked l JOIN d ON d.sample_id = l.id
   WHERE g.id = l.id
  RETURNING g.id),
errored AS (
  UPDATE generation_samples g
     SET attempts = g.attempts + 1, error = left(e.message, 2000), updated_at = now(),
         status = CASE WHEN e.final THEN 'FAILED'::"SampleStatus" ELSE g.status END
    FROM locked l JOIN e ON e.sample_id = l.id
   WHERE g.id = l.id
  RETURNING e.final)
SELECT (SELECT count(*)::int FROM marked) AS stored,
       (SELECT count(*)::int FROM errored WHERE final) AS failed,
       (SELECT status FROM generation_runs WHERE id = $1) AS run_status`;

export async function storeBatch(pool: pg.Pool, runId: string, write: TBatchWrite): Promise<TBatchWritten> {
  // Rows travel as one JSON document each way: serialising it is one native call, where
  // a dozen parallel arrays cost the driver a loop per element.
  const done = write.done.map(({ sampleId, values: v }) => ({
    sample_id: sampleId,
    model: v.model,
    text: v.text,
    params: v.params,
    finish_reason: v.finishReason,
    prompt_tokens: v.promptTokens,
    completion_tokens: v.completionTokens,
    latency_ms: v.latencyMs,
    seed: v.seed,
  }));
  const errors = write.errors.map((e) => ({ sample_id: e.sampleId, message: e.message, final: e.final }));
  const ids = [...write.done.map((d) => d.sampleId), ...write.errors.map((e) => e.sampleId)];
  const res = await pool.query({
    name: "arbiter-generation-store",
    text: STORE,
    values: [runId, JSON.stringify(done), JSON.stringify(errors), ids],
  });
  const row = res.rows[0];
  return { stored: row.stored, failed: row.failed, runStatus: row.run_status };
}

export async function cancelSamples(pool: pg.Pool, sampleIds: string[]) {
  await pool.query(
    `UPDATE generation_samples SET status = 'CANCELLED', updated_at = now()
      WHERE id IN (SELECT id FROM generation_samples WHERE id = ANY($1::uuid[]) AND status = 'PENDING'
                    ORDER BY id FOR UPDATE)`,
    [sampleIds],
  );
}

/** Told the run's id when it finishes, so a waiter (the bench, a test) needs no polling. */
export const RUN_FINISHED_CHANNEL = "arbiter_generation_run_finished";

const FINISH = `
WITH finished AS (
  UPDATE generation_runs r
     SET done = c.done, failed = c.failed, finished_at = now(),
         status = CASE WHEN c.done = 0 AND c.failed > 0 THEN 'FAILED'::"JobStatus" ELSE 'SUCCEEDED'::"JobStatus" END
    FROM (SELECT count(*) FILTER (WHERE status = 'DONE')::int AS done,
                 count(*) FILTER (WHERE status = 'FAILED')::int AS failed
            FROM generation_samples
           WHERE run_id = $1
             AND NOT EXISTS (SELECT 1 FROM generation_samples WHERE run_id = $1 AND status = 'PENDING')) c
   WHERE r.id = $1 AND r.status = 'RUNNING'
     AND NOT EXISTS (SELECT 1 FROM generation_samples WHERE run_id = $1 AND status = 'PENDING')
  RETURNING r.id)
SELECT pg_notify('${RUN_FINISHED_CHANNEL}', id::text) FROM finished`;

/**
 * Closes the run once nothing is pending. Every job that settled samples gets here after
 * its own commit, so whichever commits last sees no pending rows; the status guard lets
 * only one of them write the final counts, and only once planning has written the whole
 * ledger (a run stays QUEUED until then, see planRun). The pending check is an index probe, so calling
 * this once per job costs little (less than counting, at each write, whether the run is
 * near its end); the counts are taken only once, at the end. The notification goes out
 * when the transaction commits, so a listener that hears it reads the final counts.
 */
export async function finishRunIfComplete(pool: pg.Pool, runId: string): Promise<boolean> {
  const res = await pool.query({ name: "arbiter-generation-finish", text: FINISH, values: [runId] });
  return (res.rowCount ?? 0) > 0;
}
