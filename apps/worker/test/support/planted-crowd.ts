import { randomUUID } from "node:crypto";
import type pg from "pg";

export type TPlantedAnswer = { annotator: number; answer: "first" | "second"; shownSwapped?: boolean };

/** A ranking by canonical positions, best first; `shown` the positions in the order shown. */
export type TPlantedRanking = { annotator: number; ranking: number[]; shown?: number[] };

export type TPlantedItem = {
  /** Two models for a pairwise project, K for a ranking one. */
  models: string[];
  answers: (TPlantedAnswer | TPlantedRanking)[];
  wanted: number;
  /** Dynamic overlap's ceiling; null for a fixed-overlap item. */
  max: number | null;
  /** How long ago the item was created and answered (its age term's clock), 60 s by default. */
  ageSeconds?: number;
};

export type TPlantedCrowd = { projectId: string; annotatorIds: string[]; itemIds: string[] };

/**
 * A project whose answers are given one by one: which annotator said what about which item,
 * in which shown order (pairwise choices, or rankings when its items have more than two
 * completions). The rows are written as the judgment path leaves them
 * (a submitted assignment and its judgment; the item's count), so the worker reads them as
 * it reads real ones.
 */
export async function plantCrowd(
  pool: pg.Pool,
  options: {
    annotators: number;
    selection: "uniform" | "label-confidence" | "leaderboard";
    overlap: { min: number; max: number; target: number } | null;
    items: TPlantedItem[];
  },
): Promise<TPlantedCrowd> {
  const tag = randomUUID().slice(0, 8);
  const owner = await pool.query<{ id: string }>(
    "INSERT INTO users (email, name, role) VALUES ($1, 'Owner', 'RESEARCHER') RETURNING id",
    [`owner-${tag}@planted.test`],
  );
  const k = options.items[0]?.models.length ?? 2;
  const { rows: project } = await pool.query<{ id: string }>(
    `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item, overlap_min, overlap_target, selection,
                           task_type, options_per_item)
     VALUES ($1, 'Planted crowd', '{}', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      `planted-${tag}`,
      owner.rows[0]!.id,
      options.overlap?.max ?? 3,
      options.overlap?.min ?? null,
      options.overlap?.target ?? null,
      options.selection,
      k === 2 ? "PAIRWISE" : "RANKING",
      k,
    ],
  );
  const projectId = project[0]!.id;
  const annotatorIds: string[] = [];
  for (let a = 0; a < options.annotators; a++) {
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id",
      [`annotator-${a}-${tag}@planted.test`, `Annotator ${a}`],
    );
    annotatorIds.push(rows[0]!.id);
  }
  const itemIds: string[] = [];
  for (const [n, item] of options.items.entries()) {
    const age = `${item.ageSeconds ?? 60} seconds`;
    const { rows: prompt } = await pool.query<{ id: string }>(
      "INSERT INTO prompts (project_id, external_id, text, content_hash) VALUES ($1, $2, $3, $3) RETURNING id",
      [projectId, String(n), `prompt ${n} ${tag}`],
    );
    const completions: string[] = [];
    for (const [position, model] of item.models.entries()) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO completions (prompt_id, source, model, text, sample_index)
         VALUES ($1, 'IMPORTED', $2, $3, $4) RETURNING id`,
        [prompt[0]!.id, model, `${model} answers ${n}`, position],
      );
      completions.push(rows[0]!.id);
    }
    const { rows: created } = await pool.query<{ id: string }>(
      `INSERT INTO items (project_id, prompt_id, judgments_wanted, judgments_count, judgments_max, created_at)
       VALUES ($1, $2, $3, $4, $5, now() - $6::interval) RETURNING id`,
      [projectId, prompt[0]!.id, item.wanted, item.answers.length, item.max, age],
    );
    const itemId = created[0]!.id;
    itemIds.push(itemId);
    await pool.query(
      `INSERT INTO item_completions (item_id, position, completion_id)
       SELECT $1, position - 1, id FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, position)`,
      [itemId, completions],
    );
    for (const a of item.answers) {
      const { shown, choice, ranking } = answerRow(a, completions);
      const { rows: assignment } = await pool.query<{ id: string }>(
        `INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at, created_at, closed_at)
         VALUES ($1, $2, $3, 'SUBMITTED', $4, now(), now() - $5::interval, now() - $5::interval) RETURNING id`,
        [itemId, projectId, annotatorIds[a.annotator], shown, age],
      );
      await pool.query(
        `INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, ranking, answer, created_at)
         VALUES ($1, $2, $3, $4, $7, $5, $8::jsonb, jsonb_build_object('choice', $5::text), now() - $6::interval)`,
        [
          assignment[0]!.id,
          itemId,
          projectId,
          annotatorIds[a.annotator],
          choice,
          age,
          assignment[0]!.id,
          ranking && JSON.stringify(ranking),
        ],
      );
    }
  }
  return { projectId, annotatorIds, itemIds };
}

/** The shown order and the stored answer (a choice, or a ranking of completion ids) of a planted answer. */
function answerRow(a: TPlantedAnswer | TPlantedRanking, completions: string[]) {
  if ("ranking" in a) {
    const shown = (a.shown ?? completions.map((_, x) => x)).map((x) => completions[x]!);
    return { shown, choice: null, ranking: a.ranking.map((x) => [completions[x]!]) };
  }
  const shown = a.shownSwapped ? [completions[1]!, completions[0]!] : completions;
  const winner = a.answer === "first" ? completions[0] : completions[1];
  return { shown, choice: winner === shown[0] ? "A" : "B", ranking: null };
}
