import type pg from "pg";
import type { TChatMessage } from "../../inference/client";

export type TSampleWork = {
  sampleId: string;
  runId: string;
  runStatus: string;
  status: string;
  promptId: string;
  generatorId: string;
  sampleIndex: number;
  messages: TChatMessage[] | null;
  text: string | null;
  generator: {
    baseUrl: string;
    model: string;
    mode: "CHAT" | "COMPLETION";
    params: Record<string, unknown>;
    apiKeyEnv: string | null;
    concurrency: number;
    requestsPerMinute: number | null;
    deleted: boolean;
  };
};

/** Everything one sample job needs, in one round trip. */
export async function loadSampleWork(pool: pg.Pool, sampleId: string): Promise<TSampleWork | null> {
  const { rows } = await pool.query(
    `SELECT s.id, s.run_id, r.status AS run_status, s.status, s.prompt_id, s.generator_id, s.sample_index,
            p.messages, p.text, g.base_url, g.model, g.mode, g.params, g.api_key_env, g.concurrency,
            g.requests_per_minute, g.deleted_at IS NOT NULL AS deleted
       FROM generation_samples s
       JOIN generation_runs r ON r.id = s.run_id
       JOIN prompts p ON p.id = s.prompt_id
       JOIN generators g ON g.id = s.generator_id
      WHERE s.id = $1`,
    [sampleId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    sampleId: row.id,
    runId: row.run_id,
    runStatus: row.run_status,
    status: row.status,
    promptId: row.prompt_id,
    generatorId: row.generator_id,
    sampleIndex: row.sample_index,
    messages: row.messages,
    text: row.text,
    generator: {
      baseUrl: row.base_url,
      model: row.model,
      mode: row.mode,
      params: row.params ?? {},
      apiKeyEnv: row.api_key_env,
      concurrency: row.concurrency,
      requestsPerMinute: row.requests_per_minute,
      deleted: row.deleted,
    },
  };
}

// More samples than can be in flight at once: while this many are pending, this sample
// cannot be among the last, whatever other transactions commit meanwhile.
const MANY_PENDING = 500;

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

/**
 * Stores the completion and marks the sample done, in one statement (one round trip, its
 * own transaction). The sample row is locked first, so two deliveries of the same job
 * (a stalled job handed to a second worker) take turns, and the second finds it no longer
 * pending. The completion insert is ON CONFLICT DO NOTHING on (prompt, generator, sample
 * index), so a row an earlier run or delivery wrote is reused, never duplicated. If the
 * sample is not pending (the run was cancelled while the request was in flight) nothing
 * is written at all. `manyPending` lets the caller skip the end-of-run check while the run
 * is far from its end.
 */
export async function storeCompletion(
  pool: pg.Pool,
  work: TSampleWork,
  values: TCompletionValues,
): Promise<{ stored: boolean; manyPending: boolean }> {
  const res = await pool.query(
    `WITH s AS (
       SELECT id FROM generation_samples WHERE id = $1 AND status = 'PENDING' FOR UPDATE),
     ins AS (
       INSERT INTO completions (prompt_id, generator_id, run_id, sample_index, source, model, text, params,
                                finish_reason, prompt_tokens, completion_tokens, latency_ms, seed)
       SELECT $2, $3, $4, $5, 'GENERATED', $6, $7, $8, $9, $10, $11, $12, $13 FROM s
       ON CONFLICT (prompt_id, generator_id, sample_index) DO NOTHING
       RETURNING id),
     earlier AS (
       SELECT c.id FROM completions c WHERE c.prompt_id = $2 AND c.generator_id = $3 AND c.sample_index = $5),
     marked AS (
       UPDATE generation_samples g
          SET status = 'DONE', error = NULL, updated_at = now(),
              completion_id = coalesce((SELECT id FROM ins), (SELECT id FROM earlier))
         FROM s WHERE g.id = s.id
       RETURNING g.id)
     SELECT (SELECT count(*)::int FROM marked) AS marked,
            (SELECT count(*)::int FROM (
               SELECT 1 FROM generation_samples
                WHERE run_id = $4 AND status = 'PENDING' AND id <> $1 LIMIT $14) p) AS others_pending`,
    [
      work.sampleId,
      work.promptId,
      work.generatorId,
      work.runId,
      work.sampleIndex,
      values.model,
      values.text,
      JSON.stringify(values.params),
      values.finishReason,
      values.promptTokens,
      values.completionTokens,
      values.latencyMs,
      values.seed,
      MANY_PENDING,
    ],
  );
  return { stored: res.rows[0]?.marked === 1, manyPending: res.rows[0]?.others_pending >= MANY_PENDING };
}

/** Keeps the latest error visible while the job retries; `final` ends the sample as failed. */
export async function recordSampleError(pool: pg.Pool, sampleId: string, message: string, final: boolean) {
  await pool.query(
    `UPDATE generation_samples
        SET attempts = attempts + 1, error = $2, updated_at = now(),
            status = CASE WHEN $3 THEN 'FAILED'::"SampleStatus" ELSE status END
      WHERE id = $1 AND status = 'PENDING'`,
    [sampleId, message.slice(0, 2_000), final],
  );
}

export async function cancelSample(pool: pg.Pool, sampleId: string) {
  await pool.query(
    "UPDATE generation_samples SET status = 'CANCELLED', updated_at = now() WHERE id = $1 AND status = 'PENDING'",
    [sampleId],
  );
}

/**
 * Closes the run once nothing is pending. Every sample's last writer gets here after its
 * own commit, so whichever commits last sees no pending rows; the status guard lets only
 * one of them write the final counts. The pending check is an index probe, so calling this
 * after every sample costs little; the counts are taken only once, at the end.
 */
export async function finishRunIfComplete(pool: pg.Pool, runId: string): Promise<boolean> {
  const res = await pool.query(
    `UPDATE generation_runs r
        SET done = c.done, failed = c.failed, finished_at = now(),
            status = CASE WHEN c.done = 0 AND c.failed > 0 THEN 'FAILED'::"JobStatus" ELSE 'SUCCEEDED'::"JobStatus" END
       FROM (SELECT count(*) FILTER (WHERE status = 'DONE')::int AS done,
                    count(*) FILTER (WHERE status = 'FAILED')::int AS failed
               FROM generation_samples
              WHERE run_id = $1
                AND NOT EXISTS (SELECT 1 FROM generation_samples WHERE run_id = $1 AND status = 'PENDING')) c
      WHERE r.id = $1 AND r.status = 'RUNNING'
        AND NOT EXISTS (SELECT 1 FROM generation_samples WHERE run_id = $1 AND status = 'PENDING')`,
    [runId],
  );
  return (res.rowCount ?? 0) > 0;
}
