import type { Db } from "@arbiter/db";

type Query = (sql: string, values?: unknown[]) => Promise<{ rows: { id: string }[] }>;

const ANNOTATORS = 100;

/**
 * A pairwise project with `judgments` judgments, three per item, from 100 annotators,
 * written by set-based SQL (generate_series) so that a million rows take minutes, not
 * hours. Texts have realistic sizes: prompts ~200 characters, completions ~600.
 */
export async function seedJudgments(pool: Db["pool"], judgments: number): Promise<string> {
  const items = Math.ceil(judgments / 3);
  const client = await pool.connect();
  const q: Query = (sql, values = []) => client.query(sql, values);
  try {
    // The rows are consistent by construction: foreign-key triggers, a lookup per row and
    // constraint, are skipped for this session (a superuser's privilege, fine for a bench).
    await q("SET session_replication_role = replica");
    return await insertAll(q, items);
  } finally {
    await q("RESET session_replication_role").catch(() => {});
    client.release();
  }
}

async function insertAll(q: Query, items: number): Promise<string> {
  const { rows } = await q(
    `INSERT INTO users (email, name, role) VALUES ('bench-researcher@example.com', 'Bench', 'RESEARCHER') RETURNING id`,
  );
  const owner = rows[0]!.id;
  await q(
    `INSERT INTO users (email, name, role)
     SELECT 'bench-annotator-' || n || '@example.com', 'Annotator ' || n, 'ANNOTATOR' FROM generate_series(1, $1) n`,
    [ANNOTATORS],
  );
  const project = await q(
    `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item)
     VALUES ('bench-export', 'Export benchmark', '{"strength": true}', $1, 3) RETURNING id`,
    [owner],
  );
  const projectId = project.rows[0]!.id;
  await q(
    "CREATE TEMP TABLE bench_annotators AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE role = 'ANNOTATOR'",
  );
  await q(
    `INSERT INTO prompts (project_id, text, content_hash)
     SELECT $1, 'Question ' || n || ': ' || repeat(md5(n::text), 6), md5('prompt' || n)
       FROM generate_series(1, $2) n`,
    [projectId, items],
  );
  await q(
    `INSERT INTO completions (prompt_id, source, model, text, sample_index)
     SELECT p.id, 'IMPORTED', 'model-' || s, repeat(md5(p.id::text || s), 19), s
       FROM prompts p CROSS JOIN generate_series(0, 1) s WHERE p.project_id = $1`,
    [projectId],
  );
  await q(
    `INSERT INTO items (project_id, prompt_id, judgments_wanted, judgments_count, status)
     SELECT $1, id, 3, 3, 'COMPLETE' FROM prompts WHERE project_id = $1`,
    [projectId],
  );
  await q(
    `INSERT INTO item_completions (item_id, position, completion_id)
     SELECT i.id, c.sample_index, c.id FROM items i JOIN completions c ON c.prompt_id = i.prompt_id
      WHERE i.project_id = $1`,
    [projectId],
  );
  // Three different annotators per item; option order alternates.
  await q(
    `INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at, closed_at)
     SELECT i.id, i.project_id, a.id, 'SUBMITTED',
            CASE WHEN k % 2 = 0 THEN ARRAY[c0.completion_id, c1.completion_id]
                 ELSE ARRAY[c1.completion_id, c0.completion_id] END,
            now(), now()
       FROM (SELECT id, project_id, row_number() OVER () AS rn FROM items WHERE project_id = $1) i
       JOIN item_completions c0 ON c0.item_id = i.id AND c0.position = 0
       JOIN item_completions c1 ON c1.item_id = i.id AND c1.position = 1
       CROSS JOIN generate_series(0, 2) k
       JOIN bench_annotators a ON a.n = (i.rn * 3 + k) % ${ANNOTATORS}`,
    [projectId],
  );
  await q(
    `INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                            ranking, answer, duration_ms)
     SELECT a.id, a.item_id, a.project_id, a.annotator_id, a.id::text, 'A', 1 + (hashtext(a.id::text) & 3),
            jsonb_build_array(jsonb_build_array(a.shown_order[1]), jsonb_build_array(a.shown_order[2])),
            '{"choice": "A"}', 4000
       FROM assignments a WHERE a.project_id = $1`,
    [projectId],
  );
  await q("ANALYZE");
  return projectId;
}
