import { enqueueSampleBatches, type GenerationQueue } from "@arbiter/jobs";
import type pg from "pg";
import { type BatchPolicy, batchSizeFor, forEachPendingBatch, type TLedgerPart } from "./sample-batches";
import { finishRunIfComplete } from "./sample-store";

// Batches per generator in a run's head: written and enqueued before the rest of the ledger,
// so the first requests go out while the rest is written (for a large run, seconds sooner).
// A job's lanes grow to fill idle request slots, so two batches keep every slot busy meanwhile.
const HEAD_BATCHES = 2;

const RUN = `
SELECT r.project_id, r.status, r.generator_ids, r.samples_per_prompt, r.prompt_ids,
       (SELECT count(*)::int FROM prompts p
         WHERE p.project_id = r.project_id
           AND (cardinality(r.prompt_ids) = 0 OR p.id = ANY(r.prompt_ids))) AS prompts,
       (SELECT count(*)::int FROM generators g
         WHERE g.project_id = r.project_id AND g.id = ANY(r.generator_ids) AND g.deleted_at IS NULL) AS generators
  FROM generation_runs r WHERE r.id = $1`;

// The samples of the run's prompts after $6 (by id; all when null), at most $7 prompts (all
// when null). Prompts and generators are re-checked against the project: ids in a run come
// from a request and must never reach another project's rows. Returns the last prompt written.
const INSERT = `
WITH chosen AS (
  SELECT id FROM prompts
   WHERE project_id = $2 AND (cardinality($5::uuid[]) = 0 OR id = ANY($5::uuid[]))
     AND ($6::uuid IS NULL OR id > $6::uuid)
   ORDER BY id
   LIMIT $7::int),
written AS (
  INSERT INTO generation_samples (run_id, prompt_id, generator_id, sample_index)
  SELECT $1, p.id, g.id, s.i
    FROM chosen p
    JOIN generators g ON g.project_id = $2 AND g.id = ANY($3::uuid[]) AND g.deleted_at IS NULL
   CROSS JOIN generate_series(0, $4::int - 1) AS s(i)
  ON CONFLICT DO NOTHING)
SELECT (SELECT id FROM chosen ORDER BY id DESC LIMIT 1) AS last_prompt_id`;

// A sample that an earlier run already produced is done without asking the model again.
// The same statement records the run's start: its size ($2 while the ledger is being
// written, counted once it is whole) and, once whole, RUNNING. Until then the run stays
// QUEUED, so that a head whose samples all finish cannot close the run (see finishRunIfComplete).
const START = `
WITH produced AS (
  UPDATE generation_samples s SET status = 'DONE', completion_id = c.id, updated_at = now()
    FROM completions c
   WHERE s.run_id = $1 AND s.status = 'PENDING' AND c.prompt_id = s.prompt_id
     AND c.generator_id = s.generator_id AND c.sample_index = s.sample_index)
UPDATE generation_runs
   SET status = CASE WHEN $3::boolean THEN 'RUNNING'::"JobStatus" ELSE status END,
       started_at = coalesce(started_at, now()),
       total = CASE WHEN $3::boolean THEN (SELECT count(*) FROM generation_samples WHERE run_id = $1)
                    ELSE $2::int END
 WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`;

type TRun = {
  project_id: string;
  status: string;
  generator_ids: string[];
  samples_per_prompt: number;
  prompt_ids: string[];
  prompts: number;
  generators: number;
};

/**
 * Turns a queued run into sample rows and sample-batch jobs: its head first (see
 * HEAD_BATCHES), then the rest. Every step is idempotent, so a plan job that crashed half-way
 * (or is re-run to recover jobs Redis lost) picks up where it stopped: rows are inserted ON
 * CONFLICT DO NOTHING, and a batch's job id is its first sample's id, the run's rows being
 * cut the same way every time. Returns the samples enqueued.
 */
export async function planRun(
  pool: pg.Pool,
  queue: GenerationQueue,
  runId: string,
  policy: BatchPolicy,
): Promise<number> {
  const run: TRun | undefined = (await pool.query(RUN, [runId])).rows[0];
  if (!run || (run.status !== "QUEUED" && run.status !== "RUNNING")) return 0;
  const spp = run.samples_per_prompt;
  const perGenerator = run.prompts * spp;
  // The head ends on a batch boundary of every generator (a whole number of batches of its
  // samples), so its batches are the first ones of the whole run's cut.
  const size = batchSizeFor(perGenerator, policy);
  const headPrompts = (HEAD_BATCHES * lcm(size, spp)) / spp;

  let enqueued = 0;
  let after: string | null = null;
  if (run.status === "QUEUED" && headPrompts < run.prompts) {
    after = await writeSamples(pool, runId, run, null, headPrompts);
    if (!(await start(pool, runId, run.prompts * spp * run.generators, false))) return 0;
    enqueued += await enqueuePart(pool, queue, runId, policy, {
      throughPromptId: after ?? undefined,
      perGenerator,
    });
  }
  await writeSamples(pool, runId, run, after, null);
  if (!(await start(pool, runId, 0, true))) return enqueued;
  enqueued += await enqueuePart(
    pool,
    queue,
    runId,
    policy,
    after ? { afterPromptId: after, perGenerator } : undefined,
  );
  await finishRunIfComplete(pool, runId);
  return enqueued;
}

async function writeSamples(
  pool: pg.Pool,
  runId: string,
  run: TRun,
  after: string | null,
  limit: number | null,
): Promise<string | null> {
  const { rows } = await pool.query(INSERT, [
    runId,
    run.project_id,
    run.generator_ids,
    run.samples_per_prompt,
    run.prompt_ids,
    after,
    limit,
  ]);
  return rows[0]?.last_prompt_id ?? null;
}

/** False when the run was cancelled meanwhile. */
async function start(pool: pg.Pool, runId: string, expected: number, whole: boolean): Promise<boolean> {
  return ((await pool.query(START, [runId, expected, whole])).rowCount ?? 0) > 0;
}

async function enqueuePart(
  pool: pg.Pool,
  queue: GenerationQueue,
  runId: string,
  policy: BatchPolicy,
  part: TLedgerPart | undefined,
): Promise<number> {
  let enqueued = 0;
  await forEachPendingBatch(
    pool,
    runId,
    policy,
    async (batches) => {
      await enqueueSampleBatches(
        queue,
        runId,
        batches.map((b) => ({ firstSampleId: b.firstSampleId, sampleIds: b.pendingIds })),
      );
      for (const b of batches) enqueued += b.pendingIds.length;
      return true;
    },
    part,
  );
  return enqueued;
}

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a / gcd(a, b)) * b;
}
