import { randomUUID } from "node:crypto";
import type pg from "pg";

export type TPlantedAnswer = { annotator: number; answer: "first" | "second"; shownSwapped?: boolean };

export type TPlantedItem = {
  models: [string, string];
  answers: TPlantedAnswer[];
  wanted: number;
  /** Dynamic overlap's ceiling; null for a fixed-overlap item. */
  max: number | null;
  /** How long ago the item was created and answered (its age term's clock), 60 s by default. */
  ageSeconds?: number;
};

export type TPlantedCrowd = { projectId: string; annotatorIds: string[]; itemIds: string[] };

/**
 * A pairwise project whose answers are given one by one: which annotator said what about
 * which item, in which shown order. The rows are written as the judgment path leaves them
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
  const { rows: project } = await pool.query<{ id: string }>(
    `INSERT INTO projects (slug, name, questions, created_by_id, judgments_per_item, overlap_min, overlap_target, selection)
     VALUES ($1, 'Planted crowd', '{}', $2, $3, $4, $5, $6) RETURNING id`,
    [
      `planted-${tag}`,
      owner.rows[0]!.id,
      options.overlap?.max ?? 3,
      options.overlap?.min ?? null,
      options.overlap?.target ?? null,
      options.selection,
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
      "INSERT INTO item_completions (item_id, position, completion_id) VALUES ($1, 0, $2), ($1, 1, $3)",
      [itemId, completions[0], completions[1]],
    );
    for (const a of item.answers) {
      const shown = a.shownSwapped ? [completions[1], completions[0]] : completions;
      const winner = a.answer === "first" ? completions[0] : completions[1];
      const choice = winner === shown[0] ? "A" : "B";
      const { rows: assignment } = await pool.query<{ id: string }>(
        `INSERT INTO assignments (item_id, project_id, annotator_id, status, shown_order, expires_at, created_at, closed_at)
         VALUES ($1, $2, $3, 'SUBMITTED', $4, now(), now() - $5::interval, now() - $5::interval) RETURNING id`,
        [itemId, projectId, annotatorIds[a.annotator], shown, age],
      );
      await pool.query(
        `INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, answer, created_at)
         VALUES ($1, $2, $3, $4, $7, $5, jsonb_build_object('choice', $5::text), now() - $6::interval)`,
        [assignment[0]!.id, itemId, projectId, annotatorIds[a.annotator], choice, age, assignment[0]!.id],
      );
    }
  }
  return { projectId, annotatorIds, itemIds };
}
