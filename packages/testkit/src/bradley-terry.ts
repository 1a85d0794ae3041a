import { randomBytes } from "node:crypto";
import type pg from "pg";

type TPool = pg.Pool;

export type TSyntheticModel = {
  name: string;
  /** True Bradley–Terry strength: P(a beats b) = 1 / (1 + e^(b − a)), ties aside. */
  strength: number;
  /** Typical completion length in words (each completion is 0.4 to 1.6 times it); 100 by default. */
  words?: number;
};

/** Five models, strongest first, evenly spaced. */
export const DEFAULT_MODELS: TSyntheticModel[] = [0.6, 0.3, 0, -0.3, -0.6].map((strength, i) => ({
  name: `model-${i}`,
  strength,
}));

export type TBradleyTerryOptions = {
  /** Answers in all, `judgmentsPerItem` per item, items filled one after another. */
  judgments: number;
  /** Items beyond those, left OPEN without answers (a collection still running). */
  openItems?: number;
  models?: TSyntheticModel[];
  /** 60 by default; at least `judgmentsPerItem`, since nobody answers an item twice. */
  annotators?: number;
  judgmentsPerItem?: number;
  /** Share of answers that are ties; 0.1 by default. */
  tieRate?: number;
  /** Pull towards the option shown first, in log-odds (crowds show one); 0 by default. */
  firstShownBias?: number;
  /** Answers are spread over this many days before now, more of them recent; 14 by default. */
  days?: number;
  /** The project's creator and owner; created as a researcher unless a user has this address. */
  ownerEmail?: string;
  name?: string;
};

export type TSyntheticProject = {
  projectId: string;
  ownerId: string;
  slug: string;
  /** Items, answered and open; item n (0-based) has prompt external id `n`. */
  items: number;
  /** In dealing order: the k-th answer to item n comes from annotatorIds[(n·J + k) mod A]. */
  annotatorIds: string[];
  models: TSyntheticModel[];
  judgmentsPerItem: number;
  tieRate: number;
  firstShownBias: number;
};

const QUESTIONS = {
  strength: true,
  aspects: [
    { key: "helpful", label: "Helpful", scale: 5 },
    { key: "correct", label: "Correct", scale: 5 },
  ],
};

/**
 * A pairwise project with answers drawn from a Bradley–Terry model, written by set-based
 * SQL so that a million answers take minutes: item n pits two of the models against each
 * other (every pair comes up), each answer picks a winner with the models' true odds (or a
 * tie), shows the options in random order, and carries a strength, aspect ratings that
 * favour the winner, a duration and a time in the last `days` days. Benches and browser
 * tests read the result; statistics should recover the strengths' order.
 */
export async function seedBradleyTerryProject(
  pool: TPool,
  options: TBradleyTerryOptions,
): Promise<TSyntheticProject> {
  const models = options.models ?? DEFAULT_MODELS;
  const perItem = options.judgmentsPerItem ?? 3;
  const annotators = options.annotators ?? 60;
  if (models.length < 2) throw new Error("a pairwise project needs at least two models");
  if (annotators < perItem) throw new Error(`${perItem} answers per item need as many annotators`);
  const answered = Math.ceil(options.judgments / perItem);
  const items = answered + (options.openItems ?? 0);
  const slug = `synthetic-${randomBytes(4).toString("hex")}`;

  return withClient(pool, async (q) => {
    const ownerEmail = options.ownerEmail ?? `${slug}-owner@synthetic.test`;
    await q(
      "INSERT INTO users (email, name, role) VALUES ($1, 'Synthetic owner', 'RESEARCHER') ON CONFLICT (email) DO NOTHING",
      [ownerEmail],
    );
    const ownerId = (await q("SELECT id FROM users WHERE email = $1", [ownerEmail])).rows[0]!.id as string;
    // Before the bulk part: the project's owner membership comes from a trigger.
    const projectId = (
      await q(
        `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [slug, options.name ?? "Synthetic preferences", JSON.stringify(QUESTIONS), ownerId, perItem],
      )
    ).rows[0]!.id as string;
    const { rows: raters } = await q(
      `INSERT INTO users (email, name, role)
       SELECT $1 || '-annotator-' || lpad(n::text, 5, '0') || '@synthetic.test', 'Annotator ' || n, 'ANNOTATOR'
         FROM generate_series(1, $2::int) n
       RETURNING id, email`,
      [slug, annotators],
    );
    const annotatorIds = (raters as { id: string; email: string }[])
      .sort((a, b) => (a.email < b.email ? -1 : 1))
      .map((r) => r.id);

    // The rows are consistent by construction: the foreign-key triggers, a lookup per row,
    // are skipped for this session where the role allows it (test databases are superuser's).
    await q("SET session_replication_role = replica").catch(() => undefined);
    await q(
      `CREATE TEMP TABLE synthetic_items AS
       SELECT n, gen_random_uuid() AS prompt_id, gen_random_uuid() AS item_id,
              gen_random_uuid() AS c0, gen_random_uuid() AS c1,
              n % $2 AS m0, (n % $2 + 1 + (n / $2) % ($2 - 1)) % $2 AS m1,
              least($3, greatest(0, $4 - n * $3)) AS answers
         FROM generate_series(0, $1::int - 1) n`,
      [items, models.length, perItem, options.judgments],
    );
    await q(
      `INSERT INTO prompts (id, project_id, external_id, text, content_hash)
       SELECT prompt_id, $1::uuid, n::text, 'Question ' || n || ': ' || repeat(md5($1::text || n), 6), md5($1::text || n)
         FROM synthetic_items`,
      [projectId],
    );
    await q(
      `INSERT INTO completions (id, prompt_id, source, model, text, sample_index)
       SELECT c.id, i.prompt_id, 'IMPORTED', ($1::text[])[c.m + 1],
              repeat(left(md5(c.id::text), 5) || ' ', greatest(10, (($2::int[])[c.m + 1] * (0.4 + random() * 1.2))::int)),
              c.position
         FROM synthetic_items i, LATERAL (VALUES (i.c0, i.m0, 0), (i.c1, i.m1, 1)) AS c(id, m, position)`,
      [models.map((m) => m.name), models.map((m) => m.words ?? 100)],
    );
    await q(
      `INSERT INTO items (id, project_id, prompt_id, judgments_wanted, judgments_count, status, completed_at)
       SELECT item_id, $1, prompt_id, $2, answers,
              CASE WHEN answers >= $2 THEN 'COMPLETE' ELSE 'OPEN' END::"ItemStatus",
              CASE WHEN answers >= $2 THEN now() END
         FROM synthetic_items`,
      [projectId, perItem],
    );
    await q(
      `INSERT INTO item_completions (item_id, position, completion_id)
       SELECT item_id, 0, c0 FROM synthetic_items UNION ALL SELECT item_id, 1, c1 FROM synthetic_items`,
    );
    await q(
      `CREATE TEMP TABLE synthetic_slots AS
       SELECT i.item_id, i.c0, i.c1, i.m0, i.m1, ($1::uuid[])[1 + (i.n * $2 + k) % cardinality($1::uuid[])] AS annotator_id
         FROM synthetic_items i, generate_series(0, $2::int - 1) k WHERE k < i.answers`,
      [annotatorIds, perItem],
    );
    const project: TSyntheticProject = {
      projectId,
      ownerId,
      slug,
      items,
      annotatorIds,
      models,
      judgmentsPerItem: perItem,
      tieRate: options.tieRate ?? 0.1,
      firstShownBias: options.firstShownBias ?? 0,
    };
    await answerSlots(q, project, options.days ?? 14);
    await q("DROP TABLE synthetic_items");
    // Only the tables written: statistics of others taken while empty would mislead the planner.
    await q("ANALYZE users, projects, prompts, completions, items, item_completions, assignments, judgments");
    return project;
  });
}

/**
 * `count` more answers, made now, one to each item from item `fromItem` on (in item order),
 * each from an annotator who has not answered that item yet: what arrives between two
 * loads of a page while a collection runs.
 */
export async function addSyntheticAnswers(
  pool: TPool,
  project: TSyntheticProject,
  range: { fromItem: number; count: number },
): Promise<void> {
  await withClient(pool, async (q) => {
    await q(
      `CREATE TEMP TABLE synthetic_slots AS
       SELECT i.id AS item_id, c0.id AS c0, c1.id AS c1,
              array_position($2::text[], c0.model) - 1 AS m0, array_position($2::text[], c1.model) - 1 AS m1,
              ($3::uuid[])[1 + (p.external_id::int * $4
                                + (SELECT count(*) FROM assignments a WHERE a.item_id = i.id)::int)
                               % cardinality($3::uuid[])] AS annotator_id
         FROM items i JOIN prompts p ON p.id = i.prompt_id
         JOIN item_completions ic0 ON ic0.item_id = i.id AND ic0.position = 0 JOIN completions c0 ON c0.id = ic0.completion_id
         JOIN item_completions ic1 ON ic1.item_id = i.id AND ic1.position = 1 JOIN completions c1 ON c1.id = ic1.completion_id
        WHERE i.project_id = $1 AND p.external_id::int >= $5 AND p.external_id::int < $5 + $6`,
      [
        project.projectId,
        project.models.map((m) => m.name),
        project.annotatorIds,
        project.judgmentsPerItem,
        range.fromItem,
        range.count,
      ],
    );
    await answerSlots(q, project, 0);
  });
}

type TQuery = (sql: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** One connection throughout (the temporary tables live on it); dropped rather than reused after a failure. */
async function withClient<T>(pool: TPool, fn: (q: TQuery) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    return await fn((sql, values = []) => client.query(sql, values));
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (!failed) await client.query("RESET session_replication_role");
    client.release(failed);
  }
}

/** Draws an answer for every row of synthetic_slots and writes it as an assignment and its judgment. */
async function answerSlots(q: TQuery, project: TSyntheticProject, days: number): Promise<void> {
  await q(
    `CREATE TEMP TABLE synthetic_answers AS
     WITH draws AS MATERIALIZED (
       -- Materialised so that random() is drawn once per answer, not once per use.
       SELECT s.*, random() AS tie, random() AS u, random() < 0.5 AS flip, 1 + floor(random() * 4)::int AS strength,
              now() - (random() ^ 0.7) * ($4::float8 * interval '1 day') AS at, 4000 + floor(random() * 8000)::int AS duration_ms
         FROM synthetic_slots s)
     SELECT gen_random_uuid() AS assignment_id, item_id, annotator_id,
            CASE WHEN flip THEN ARRAY[c1, c0] ELSE ARRAY[c0, c1] END AS shown_order,
            CASE WHEN tie < $2 THEN NULL
                 WHEN u < 1 / (1 + exp(($1::float8[])[m1 + 1] - ($1::float8[])[m0 + 1]
                                       + CASE WHEN flip THEN $3::float8 ELSE -$3::float8 END)) THEN c0
                 ELSE c1 END AS winner,
            strength, at, duration_ms
       FROM draws`,
    [project.models.map((m) => m.strength), project.tieRate, project.firstShownBias, days],
  );
  await q(
    `INSERT INTO assignments (id, item_id, project_id, annotator_id, status, shown_order, expires_at, created_at, closed_at)
     SELECT assignment_id, item_id, $1, annotator_id, 'SUBMITTED', shown_order, at, at, at FROM synthetic_answers`,
    [project.projectId],
  );
  await q(
    `INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                            ranking, answer, aspects, duration_ms, created_at)
     SELECT assignment_id, item_id, $1, annotator_id, assignment_id::text, choice,
            CASE WHEN winner IS NOT NULL THEN strength END,
            CASE WHEN winner IS NULL THEN jsonb_build_array(to_jsonb(shown_order))
                 ELSE jsonb_build_array(jsonb_build_array(winner),
                        jsonb_build_array(CASE WHEN winner = shown_order[1] THEN shown_order[2] ELSE shown_order[1] END))
            END,
            jsonb_build_object('choice', choice),
            CASE WHEN winner IS NOT NULL THEN jsonb_build_object(
              choice, jsonb_build_object('helpful', 4 + (strength > 2)::int, 'correct', 3 + (strength > 1)::int),
              CASE WHEN choice = 'A' THEN 'B' ELSE 'A' END, jsonb_build_object('helpful', 2 + (strength < 3)::int, 'correct', 3))
            END,
            duration_ms, at
       FROM (SELECT *, CASE WHEN winner IS NULL THEN 'tie' WHEN winner = shown_order[1] THEN 'A' ELSE 'B' END AS choice
               FROM synthetic_answers) a`,
    [project.projectId],
  );
  await q("DROP TABLE synthetic_answers, synthetic_slots");
}
