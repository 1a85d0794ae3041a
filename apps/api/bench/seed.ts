import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";

const newKey = () => `arb_bench_${randomBytes(24).toString("base64url")}`;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** A project owned by a researcher who has an API key (for settings and exports through the API). */
export async function seedProject(pool: pg.Pool, slug: string, questions: object, judgmentsPerItem = 3) {
  const ownerKey = newKey();
  const owner = await pool.query<{ id: string }>(
    "INSERT INTO users (email, name, role) VALUES ($1, 'Owner', 'RESEARCHER') RETURNING id",
    [`owner.${slug}@bench.local`],
  );
  await pool.query(
    "INSERT INTO api_keys (user_id, name, prefix, key_hash) VALUES ($1, 'bench', 'arb_bench', $2)",
    [owner.rows[0]!.id, hashOf(ownerKey)],
  );
  const project = await pool.query<{ id: string }>(
    `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item)
     VALUES ($1, $1, $2, $3, $4) RETURNING id`,
    [slug, JSON.stringify(questions), owner.rows[0]!.id, judgmentsPerItem],
  );
  return { projectId: project.rows[0]!.id, ownerKey };
}

/** A pool of `annotators` annotators with API keys, attached to the project; their tokens in order. */
export async function seedAnnotators(pool: pg.Pool, projectId: string, annotators: number, tag = "bench") {
  const poolRow = await pool.query<{ id: string }>("INSERT INTO pools (name) VALUES ($1) RETURNING id", [
    tag,
  ]);
  await pool.query("INSERT INTO project_pools (project_id, pool_id) VALUES ($1, $2)", [
    projectId,
    poolRow.rows[0]!.id,
  ]);
  const tokens = Array.from({ length: annotators }, newKey);
  await pool.query(
    `WITH u AS (
       INSERT INTO users (email, name, role)
       SELECT $4 || '.annotator' || lpad(n::text, 6, '0') || '@bench.local', 'Annotator ' || n, 'ANNOTATOR'
         FROM generate_series(1, $1) n
       RETURNING id, email),
     numbered AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM u),
     m AS (INSERT INTO pool_members (pool_id, user_id) SELECT $2, id FROM numbered)
     INSERT INTO api_keys (user_id, name, prefix, key_hash)
     SELECT id, 'bench', 'arb_bench', ($3::text[])[n] FROM numbered`,
    [annotators, poolRow.rows[0]!.id, tokens.map(hashOf), tag],
  );
  return tokens;
}

/**
 * Seeds one project (its owner's API key returned too), its pool, annotators with API keys
 * and items, in a few SQL statements.
 */
export async function seedBench(pool: pg.Pool, annotators: number, items: number) {
  const { projectId, ownerKey } = await seedProject(pool, "bench", { strength: false });
  const tokens = await seedAnnotators(pool, projectId, annotators);
  await pool.query(
    `WITH p AS (
       INSERT INTO prompts (project_id, text, content_hash)
       SELECT $1, 'Explain topic ' || n || ': ' || repeat('why does it work? ', 10), md5(n::text)
         FROM generate_series(1, $2) n RETURNING id),
     c AS (
       INSERT INTO completions (prompt_id, source, model, text, sample_index)
       SELECT p.id, 'IMPORTED', 'model-' || s, repeat('A careful, readable answer. ', 22), s
         FROM p CROSS JOIN generate_series(0, 1) s RETURNING id, prompt_id, sample_index),
     i AS (
       INSERT INTO items (project_id, prompt_id, judgments_wanted)
       SELECT $1, id, 3 FROM p RETURNING id, prompt_id)
     INSERT INTO item_completions (item_id, position, completion_id)
     SELECT i.id, c.sample_index, c.id FROM i JOIN c ON c.prompt_id = i.prompt_id`,
    [projectId, items],
  );
  // Only the seeded tables: statistics taken of the still-empty assignments and judgments
  // would steer the planner to sequential scans once the run fills them.
  await pool.query("ANALYZE users, api_keys, pool_members, prompts, completions, items, item_completions");
  return { projectId, ownerKey, tokens };
}
