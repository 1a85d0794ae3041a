import type pg from "pg";
import { call, httpPool } from "../load";

/**
 * Prompts with one completion per model, imported by SQL (fast), then items built by the
 * API's own item builder, so each item gets the wanted counts the project's settings give.
 * A completion's text names its prompt and model: the simulated crowd reads the options it
 * is shown and knows which is which, as a real annotator judges what they read.
 */
export async function seedPromptsAndItems(opts: {
  db: pg.Pool;
  url: string;
  ownerKey: string;
  projectId: string;
  prompts: number;
  models: number;
}) {
  await opts.db.query(
    `WITH p AS (
       INSERT INTO prompts (project_id, text, content_hash)
       SELECT $1::uuid, 'Question ' || n || ': which answer explains it better?', md5($1::text || n)
         FROM generate_series(1, $2) n RETURNING id, text)
     INSERT INTO completions (prompt_id, source, model, text, sample_index)
     SELECT p.id, 'IMPORTED', 'model-' || m, split_part(p.text, ':', 1) || ' / model-' || m || ' answers.', 0
       FROM p CROSS JOIN generate_series(0, $3 - 1) m`,
    [opts.projectId, opts.prompts, opts.models],
  );
  const http = httpPool(opts.url, 1);
  const built = await call(
    http,
    "POST",
    `/api/v1/projects/${opts.projectId}/items/build`,
    { authorization: `Bearer ${opts.ownerKey}` },
    { strategy: "cross-generator" },
  );
  await http.close();
  if (built.status !== 200)
    throw new Error(`items/build answered ${built.status}: ${JSON.stringify(built.body)}`);
  await opts.db.query("ANALYZE users, api_keys, pool_members, prompts, completions, items, item_completions");
}

/** "Question 17 / model-3 answers." → { prompt: 17, model: 3 } */
export function parseOption(text: string): { prompt: number; model: number } {
  const m = /^Question (\d+) \/ model-(\d+) /.exec(text);
  if (!m) throw new Error(`not a seeded completion: ${text}`);
  return { prompt: Number(m[1]), model: Number(m[2]) };
}

export async function patchProject(url: string, ownerKey: string, projectId: string, body: object) {
  const http = httpPool(url, 1);
  const res = await call(
    http,
    "PATCH",
    `/api/v1/projects/${projectId}`,
    { authorization: `Bearer ${ownerKey}` },
    body,
  );
  await http.close();
  if (res.status !== 200)
    throw new Error(`PATCH project answered ${res.status}: ${JSON.stringify(res.body)}`);
}
