import type pg from "pg";

/** True Bradley-Terry strengths of the seeded models, strongest first. */
export const TRUE_STRENGTHS = [0.6, 0.3, 0, -0.3, -0.6];

/**
 * A pairwise project with `judgments` answers (three per item, from 60 annotators over
 * the last 10 days) in a few SQL statements: five models with completions of varied
 * length, each answer drawn from the Bradley-Terry model above (10 % ties) with a
 * random shown order, strength and aspect ratings.
 */
export async function seedStatsBench(db: pg.Pool, judgments: number) {
  // One connection throughout: the temporary table lives on it.
  const pool = await db.connect();
  try {
    const items = Math.ceil(judgments / 3);
    const owner = await pool.query<{ id: string }>(
      "INSERT INTO users (email, name, role) VALUES ('owner@bench.local', 'Owner', 'RESEARCHER') RETURNING id",
    );
    const project = await pool.query<{ id: string }>(
      `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item)
     VALUES ('stats-bench', 'Stats bench', '{"strength": true, "aspects": [{"key": "helpful", "label": "Helpful", "scale": 5}]}', $1, 3)
     RETURNING id`,
      [owner.rows[0]!.id],
    );
    const projectId = project.rows[0]!.id;
    await pool.query(
      `INSERT INTO users (email, name, role)
     SELECT 'annotator' || n || '@bench.local', 'Annotator ' || n, 'ANNOTATOR' FROM generate_series(1, 60) n`,
    );
    await pool.query(
      `WITH p AS (
       INSERT INTO prompts (project_id, text, content_hash)
       SELECT $1, 'Prompt ' || n, md5(n::text) FROM generate_series(0, $2 - 1) n RETURNING id, text),
     c AS (
       INSERT INTO completions (prompt_id, source, model, text, sample_index)
       SELECT p.id, 'IMPORTED', 'model-' || m, repeat('word ', 20 + (hashtext(p.id::text || s) & 1023)), s
         FROM p, LATERAL (SELECT split_part(p.text, ' ', 2)::int AS n) k,
              LATERAL (VALUES (0, k.n % 5), (1, (k.n % 5 + 1 + (k.n / 5) % 4) % 5)) AS pair(s, m)
       RETURNING id, prompt_id, sample_index),
     i AS (
       INSERT INTO items (project_id, prompt_id, judgments_wanted, judgments_count, status, completed_at)
       SELECT $1, id, 3, 3, 'COMPLETE', now() FROM p RETURNING id, prompt_id)
     INSERT INTO item_completions (item_id, position, completion_id)
     SELECT i.id, c.sample_index, c.id FROM i JOIN c ON c.prompt_id = i.prompt_id`,
      [projectId, items],
    );
    await pool.query(
      `CREATE TEMP TABLE bench_answers AS
     WITH annotators AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'ANNOTATOR'),
     pairs AS (
       SELECT i.id AS item_id, row_number() OVER (ORDER BY i.id) AS n,
              max(ic.completion_id::text) FILTER (WHERE ic.position = 0)::uuid AS c0,
              max(ic.completion_id::text) FILTER (WHERE ic.position = 1)::uuid AS c1,
              max(split_part(c.model, '-', 2)::int) FILTER (WHERE ic.position = 0) AS m0,
              max(split_part(c.model, '-', 2)::int) FILTER (WHERE ic.position = 1) AS m1
         FROM items i JOIN item_completions ic ON ic.item_id = i.id JOIN completions c ON c.id = ic.completion_id
        WHERE i.project_id = $1 GROUP BY i.id),
     draws AS MATERIALIZED (
       -- Materialised so that random() is drawn once per answer, not once per join input.
       SELECT p.*, a.ids[1 + ((p.n * 3 + k) % 60)] AS annotator_id, random() AS r, random() AS flip,
              now() - random() * interval '10 days' AS at
         FROM pairs p, annotators a, generate_series(0, 2) k)
     SELECT gen_random_uuid() AS assignment_id, item_id, annotator_id, at,
            CASE WHEN flip < 0.5 THEN ARRAY[c0, c1] ELSE ARRAY[c1, c0] END AS shown_order,
            CASE WHEN r < 0.1 THEN NULL
                 WHEN r < 0.1 + 0.9 / (1 + exp(($3::float8[])[m1 + 1] - ($3::float8[])[m0 + 1])) THEN c0
                 ELSE c1 END AS winner
       FROM draws
      LIMIT $2`,
      [projectId, judgments, TRUE_STRENGTHS],
    );
    await pool.query(
      `INSERT INTO assignments (id, item_id, project_id, annotator_id, status, shown_order, expires_at, created_at, closed_at)
     SELECT assignment_id, item_id, $1, annotator_id, 'SUBMITTED', shown_order, at, at, at FROM bench_answers`,
      [projectId],
    );
    await pool.query(
      `INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                            ranking, answer, aspects, created_at)
     SELECT assignment_id, item_id, $1, annotator_id, assignment_id::text,
            CASE WHEN winner IS NULL THEN 'tie' WHEN winner = shown_order[1] THEN 'A' ELSE 'B' END,
            CASE WHEN winner IS NULL THEN NULL ELSE 1 + floor(random() * 4)::int END,
            CASE WHEN winner IS NULL THEN jsonb_build_array(to_jsonb(shown_order))
                 ELSE jsonb_build_array(jsonb_build_array(winner),
                                        jsonb_build_array(CASE WHEN winner = shown_order[1] THEN shown_order[2] ELSE shown_order[1] END))
            END,
            '{}', CASE WHEN winner = shown_order[1] THEN '{"A": {"helpful": 4}, "B": {"helpful": 2}}'::jsonb END, at
       FROM bench_answers`,
      [projectId],
    );
    await pool.query("ANALYZE");
    return { projectId, ownerId: owner.rows[0]!.id };
  } finally {
    pool.release();
  }
}

/**
 * `count` new answers to the seeded items after the first `offset` (in id order), each
 * from an annotator who has not answered that item yet: what arrives between two loads
 * of the analytics page while a collection runs.
 */
export async function addJudgments(pool: pg.Pool, projectId: string, offset: number, count: number) {
  await pool.query(
    `WITH annotators AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'ANNOTATOR'),
     picked AS (
       SELECT i.id AS item_id, n, a.ids[1 + ((n * 3 + 3) % 60)] AS annotator_id,
              ARRAY(SELECT ic.completion_id FROM item_completions ic WHERE ic.item_id = i.id ORDER BY ic.position) AS shown
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM items WHERE project_id = $1) i, annotators a
        WHERE n > $2 AND n <= $2 + $3),
     assigned AS (
       INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at, closed_at)
       SELECT item_id, $1, annotator_id, 'SUBMITTED', shown, now(), now() FROM picked
       RETURNING id, item_id, annotator_id, shown_order)
     INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                            ranking, answer, aspects)
     SELECT id, item_id, $1, annotator_id, id::text, 'A', 2,
            jsonb_build_array(jsonb_build_array(shown_order[1]), jsonb_build_array(shown_order[2])), '{}',
            '{"A": {"helpful": 4}, "B": {"helpful": 3}}'
       FROM assigned`,
    [projectId, offset, count],
  );
}
