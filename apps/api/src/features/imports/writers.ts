import { type TCompletionImportLine, ZCompletionImportLine, ZPromptInput } from "@arbiter/shared";
import type pg from "pg";
import type { z } from "zod";
import { promptContentHash } from "../prompts/service";

export type TBatchResult = {
  imported: number;
  duplicates: number;
  rejects: { line: number; reason: string }[];
};

/** How one kind of import checks a record and writes a batch of good ones. */
export type ImportWriter<T> = {
  schema: z.ZodType<T>;
  write: (
    client: pg.PoolClient,
    projectId: string,
    batch: { line: number; value: T }[],
  ) => Promise<TBatchResult>;
};

export const promptWriter: ImportWriter<z.infer<typeof ZPromptInput>> = {
  schema: ZPromptInput,
  async write(client, projectId, batch) {
    const rows = batch.map(({ value }) => ({
      external_id: value.externalId ?? null,
      messages: value.messages ?? null,
      text: value.text ?? null,
      metadata: value.metadata ?? {},
      content_hash: promptContentHash(value),
    }));
    // Same content (already in the project, or twice in the file) is a duplicate, not an error.
    const res = await client.query(
      `INSERT INTO prompts (project_id, external_id, messages, text, metadata, content_hash)
       SELECT $1, x.external_id, x.messages, x.text, x.metadata, x.content_hash
         FROM jsonb_to_recordset($2::jsonb)
           AS x(external_id text, messages jsonb, text text, metadata jsonb, content_hash text)
       ON CONFLICT (project_id, content_hash) DO NOTHING`,
      [projectId, JSON.stringify(rows)],
    );
    const imported = res.rowCount ?? 0;
    return { imported, duplicates: batch.length - imported, rejects: [] };
  },
};

export const completionWriter: ImportWriter<TCompletionImportLine> = {
  schema: ZCompletionImportLine,
  async write(client, projectId, batch) {
    const rows = batch.map(({ line, value }) => ({
      line,
      prompt_id: value.promptId ?? null,
      prompt_external_id: value.promptExternalId ?? null,
      model: value.model,
      text: value.text,
      sample_index: value.sampleIndex ?? 0,
      finish_reason: value.finishReason ?? null,
      metadata: value.metadata ?? {},
    }));
    // Prompts resolve inside the project only; an id from elsewhere is "not found", not a leak.
    const resolved = await client.query<{ line: number; pid: string | null; present: boolean }>(
      `SELECT x.line, p.id AS pid,
              EXISTS (SELECT 1 FROM completions c
                       WHERE c.prompt_id = p.id AND c.generator_id IS NULL AND c.model = x.model
                         AND c.sample_index = x.sample_index AND c.text = x.text) AS present
         FROM jsonb_to_recordset($2::jsonb)
           AS x(line int, prompt_id uuid, prompt_external_id text, model text, text text, sample_index int)
         LEFT JOIN LATERAL (
           SELECT id FROM prompts p
            WHERE p.project_id = $1
              AND (p.id = x.prompt_id OR (x.prompt_id IS NULL AND p.external_id = x.prompt_external_id))
            ORDER BY p.created_at LIMIT 1) p ON true`,
      [projectId, JSON.stringify(rows)],
    );
    const byLine = new Map(resolved.rows.map((r) => [r.line, r]));
    const rejects: TBatchResult["rejects"] = [];
    const fresh: (typeof rows)[number][] = [];
    let duplicates = 0;
    for (const row of rows) {
      const r = byLine.get(row.line)!;
      if (!r.pid) {
        rejects.push({
          line: row.line,
          reason: row.prompt_id
            ? "promptId: no such prompt in this project"
            : "promptExternalId: no prompt with this external id in this project",
        });
      } else if (r.present) {
        duplicates += 1;
      } else {
        fresh.push({ ...row, prompt_id: r.pid });
      }
    }
    if (fresh.length) {
      await client.query(
        `INSERT INTO completions (prompt_id, sample_index, source, model, text, finish_reason, metadata)
         SELECT x.prompt_id, x.sample_index, 'IMPORTED', x.model, x.text, x.finish_reason, x.metadata
           FROM jsonb_to_recordset($1::jsonb)
             AS x(prompt_id uuid, sample_index int, model text, text text, finish_reason text, metadata jsonb)`,
        [JSON.stringify(fresh)],
      );
    }
    return { imported: fresh.length, duplicates, rejects };
  },
};
