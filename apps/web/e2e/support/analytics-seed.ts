import type pg from "pg";

/**
 * Models with their true Bradley-Terry strengths and typical answer length (words). The
 * leader is far enough ahead that the random draws below never put another model first.
 */
const MODELS: [string, number, number][] = [
  ["llama-3.1-70b", 1.0, 220],
  ["qwen2.5-72b", 0.35, 260],
  ["mistral-large", 0.1, 180],
  ["gemma-2-27b", -0.25, 140],
  ["phi-3-medium", -0.6, 90],
];

/**
 * A pairwise project that looks like two weeks of collection: `items` items pitting two
 * of five models against each other, three answers each from twelve annotators, drawn
 * from the strengths above with 8 % ties, a mild pull towards the option shown first,
 * strengths and aspect ratings. Written in SQL: the analytics page only reads.
 */
export async function seedAnalyticsProject(db: pg.Pool, ownerEmail: string, items: number): Promise<string> {
  // One connection throughout: the temporary table lives on it.
  const pool = await db.connect();
  try {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item)
     SELECT 'analytics-' || substr(md5(random()::text), 1, 8), 'Helpfulness, five models',
            '{"strength": true, "aspects": [{"key": "helpful", "label": "Helpful", "scale": 5},
                                            {"key": "correct", "label": "Correct", "scale": 5}]}',
            id, 3 FROM users WHERE email = $1
     RETURNING id`,
      [ownerEmail],
    );
    const projectId = rows[0]!.id;
    await pool.query(
      `INSERT INTO users (email, name, role)
     SELECT 'rater' || n || '-' || $1::text || '@e2e.test', 'Rater ' || n, 'ANNOTATOR' FROM generate_series(1, 12) n`,
      [projectId],
    );
    const models = MODELS.map((m) => m[0]);
    const strengths = MODELS.map((m) => m[1]);
    const words = MODELS.map((m) => m[2]);
    await pool.query(
      `WITH p AS (
       INSERT INTO prompts (project_id, text, content_hash)
       SELECT $1::uuid, 'Question ' || n, md5($1::text || n) FROM generate_series(0, $2 - 1) n RETURNING id, text),
     c AS (
       INSERT INTO completions (prompt_id, source, model, text, sample_index)
       SELECT p.id, 'IMPORTED', ($3::text[])[m + 1],
              repeat('word ', greatest(10, (($4::int[])[m + 1] * (0.4 + random() * 1.2))::int)), s
         FROM p, LATERAL (SELECT split_part(p.text, ' ', 2)::int AS n) k,
              LATERAL (VALUES (0, k.n % 5), (1, (k.n % 5 + 1 + (k.n / 5) % 4) % 5)) AS pair(s, m)
       RETURNING id, prompt_id, sample_index),
     i AS (
       INSERT INTO items (project_id, prompt_id, judgments_wanted, judgments_count, status, completed_at)
       SELECT $1::uuid, p.id, 3, CASE WHEN split_part(p.text, ' ', 2)::int < $2 * 0.8 THEN 3 ELSE 0 END,
              CASE WHEN split_part(p.text, ' ', 2)::int < $2 * 0.8 THEN 'COMPLETE'::"ItemStatus" ELSE 'OPEN' END, now()
         FROM p RETURNING id, prompt_id)
     INSERT INTO item_completions (item_id, position, completion_id)
     SELECT i.id, c.sample_index, c.id FROM i JOIN c ON c.prompt_id = i.prompt_id`,
      [projectId, items, models, words],
    );
    await pool.query(
      `CREATE TEMP TABLE IF NOT EXISTS e2e_answers (assignment_id uuid, item_id uuid, annotator_id uuid,
       shown_order uuid[], winner uuid, strength int, at timestamptz)`,
    );
    await pool.query(
      `INSERT INTO e2e_answers
     WITH raters AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE '%-' || $1::text || '@e2e.test'),
     pairs AS (
       SELECT i.id AS item_id, row_number() OVER (ORDER BY i.id) AS n,
              max(ic.completion_id::text) FILTER (WHERE ic.position = 0)::uuid AS c0,
              max(ic.completion_id::text) FILTER (WHERE ic.position = 1)::uuid AS c1,
              max(array_position($2::text[], c.model)) FILTER (WHERE ic.position = 0) AS m0,
              max(array_position($2::text[], c.model)) FILTER (WHERE ic.position = 1) AS m1
         FROM items i JOIN item_completions ic ON ic.item_id = i.id JOIN completions c ON c.id = ic.completion_id
        WHERE i.project_id = $1::uuid AND i.status = 'COMPLETE' GROUP BY i.id),
     draws AS MATERIALIZED (
       SELECT p.*, r.ids[1 + ((p.n * 3 + k) % 12)] AS annotator_id, random() AS tie, random() AS u,
              random() < 0.5 AS flip, 1 + floor(random() * 4)::int AS strength,
              now() - (random() ^ 0.7) * interval '14 days' AS at
         FROM pairs p, raters r, generate_series(0, 2) k)
     SELECT gen_random_uuid(), item_id, annotator_id,
            CASE WHEN flip THEN ARRAY[c1, c0] ELSE ARRAY[c0, c1] END,
            CASE WHEN tie < 0.08 THEN NULL
                 -- A slight pull towards the option shown first, as crowds show.
                 WHEN u < 1 / (1 + exp(($3::float8[])[m1] - ($3::float8[])[m0]
                                        + CASE WHEN flip THEN 0.15 ELSE -0.15 END)) THEN c0
                 ELSE c1 END,
            strength, at
       FROM draws`,
      [projectId, models, strengths],
    );
    await pool.query(
      `INSERT INTO assignments (id, item_id, project_id, annotator_id, status, shown_order, expires_at, created_at, closed_at)
     SELECT assignment_id, item_id, $1, annotator_id, 'SUBMITTED', shown_order, at, at, at FROM e2e_answers`,
      [projectId],
    );
    await pool.query(
      `INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                            ranking, answer, aspects, created_at)
     SELECT assignment_id, item_id, $1, annotator_id, assignment_id::text,
            CASE WHEN winner IS NULL THEN 'tie' WHEN winner = shown_order[1] THEN 'A' ELSE 'B' END,
            CASE WHEN winner IS NULL THEN NULL ELSE strength END,
            CASE WHEN winner IS NULL THEN jsonb_build_array(to_jsonb(shown_order))
                 ELSE jsonb_build_array(jsonb_build_array(winner),
                        jsonb_build_array(CASE WHEN winner = shown_order[1] THEN shown_order[2] ELSE shown_order[1] END))
            END,
            '{}',
            CASE WHEN winner IS NOT NULL THEN jsonb_build_object(
              CASE WHEN winner = shown_order[1] THEN 'A' ELSE 'B' END,
                jsonb_build_object('helpful', 4 + (strength > 2)::int, 'correct', 3 + (strength > 1)::int),
              CASE WHEN winner = shown_order[1] THEN 'B' ELSE 'A' END,
                jsonb_build_object('helpful', 2 + (strength < 3)::int, 'correct', 3)) END,
            at
       FROM e2e_answers`,
      [projectId],
    );
    await pool.query("DROP TABLE e2e_answers");
    return projectId;
  } finally {
    pool.release();
  }
}
