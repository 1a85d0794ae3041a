import { randomUUID } from "node:crypto";
import type { Db } from "@arbiter/db";
import type { TBuildItemsBody } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { badRequest } from "../../lib/http-error";
import { assertProject } from "../projects/access";
import { newItemOverlap } from "../projects/overlap";
import { candidateGroups, groupKey, type TCandidateCompletion } from "./candidates";

const PROMPT_PAGE = 500;

/**
 * Builds items from the completions already stored, prompt page by prompt page, in one
 * transaction under a per-project lock: two builds at once cannot both add the same item,
 * and an item whose completion set exists already is never added again.
 */
export async function buildItems(db: Db, request: FastifyRequest, projectId: string, body: TBuildItemsBody) {
  const project = await assertProject(db, projectId);
  const overlap = newItemOverlap(project);
  const k = body.strategy === "k-wise" ? (body.k ?? project.optionsPerItem) : 2;
  if (k !== project.optionsPerItem) {
    const field = body.strategy === "k-wise" ? "body.k" : "body.strategy";
    const message =
      body.strategy === "k-wise"
        ? `must equal the project's options per item (${project.optionsPerItem})`
        : `pairs need a project with 2 options per item (this one has ${project.optionsPerItem}); use k-wise`;
    throw badRequest(`${field}: ${message}`, [{ path: field, message }]);
  }

  const totals = { created: 0, existing: 0, skippedIdentical: 0, prompts: 0 };
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('arbiter:items-build:' || $1))", [projectId]);
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const { rows: completionRows } = await client.query(
        `WITH page AS (
           SELECT id FROM prompts WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3)
         SELECT page.id AS page_prompt, c.id, c.prompt_id, c.sample_index, c.text,
                coalesce(c.generator_id::text, 'model:' || c.model) AS source
           FROM page
           LEFT JOIN completions c ON c.prompt_id = page.id
                AND (cardinality($4::uuid[]) = 0 OR c.generator_id = ANY($4::uuid[]))
                AND ($5::uuid IS NULL OR c.run_id = $5)
          ORDER BY page.id`,
        [projectId, after, PROMPT_PAGE, body.generatorIds ?? [], body.runId ?? null],
      );
      if (completionRows.length === 0) break;
      after = completionRows.at(-1)!.page_prompt;
      const byPrompt = new Map<string, TCandidateCompletion[]>();
      for (const r of completionRows) {
        if (!r.id) continue;
        byPrompt.set(r.prompt_id, [
          ...(byPrompt.get(r.prompt_id) ?? []),
          { id: r.id, source: r.source, sampleIndex: r.sample_index, text: r.text },
        ]);
      }
      const promptIds = [...byPrompt.keys()];
      const { rows: existingRows } = await client.query<{ prompt_id: string; ids: string[] }>(
        `SELECT i.prompt_id, array_agg(ic.completion_id::text) AS ids
           FROM items i JOIN item_completions ic ON ic.item_id = i.id
          WHERE i.project_id = $1 AND i.prompt_id = ANY($2::uuid[])
          GROUP BY i.id, i.prompt_id`,
        [projectId, promptIds],
      );
      const existing = new Set(existingRows.map((r) => groupKey(r.ids)));
      const perPrompt = new Map<string, number>();
      for (const r of existingRows) perPrompt.set(r.prompt_id, (perPrompt.get(r.prompt_id) ?? 0) + 1);

      const items: { id: string; prompt_id: string }[] = [];
      const links: { item_id: string; position: number; completion_id: string }[] = [];
      for (const [promptId, completions] of byPrompt) {
        const { groups, skippedIdentical } = candidateGroups(
          completions,
          body.strategy,
          k,
          body.skipIdentical,
        );
        totals.skippedIdentical += skippedIdentical;
        let added = false;
        for (const group of groups) {
          const key = groupKey(group.map((c) => c.id));
          if (existing.has(key)) {
            totals.existing += 1;
            continue;
          }
          const count = perPrompt.get(promptId) ?? 0;
          if (body.maxPerPrompt !== undefined && count >= body.maxPerPrompt) break;
          const id = randomUUID();
          items.push({ id, prompt_id: promptId });
          group.forEach((c, position) => {
            links.push({ item_id: id, position, completion_id: c.id });
          });
          existing.add(key);
          perPrompt.set(promptId, count + 1);
          added = true;
        }
        if (added) totals.prompts += 1;
      }
      if (items.length) {
        await client.query(
          `INSERT INTO items (id, project_id, prompt_id, judgments_wanted, judgments_max)
           SELECT x.id, $1, x.prompt_id, $2, $3 FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, prompt_id uuid)`,
          [projectId, overlap.judgmentsWanted, overlap.judgmentsMax, JSON.stringify(items)],
        );
        await client.query(
          `INSERT INTO item_completions (item_id, position, completion_id)
           SELECT x.item_id, x.position, x.completion_id
             FROM jsonb_to_recordset($1::jsonb) AS x(item_id uuid, position int, completion_id uuid)`,
          [JSON.stringify(links)],
        );
        totals.created += items.length;
      }
    }
    await client.query(
      `INSERT INTO audit_events (actor_id, action, target_type, target_id, data, ip)
       VALUES ($1, 'items.build', 'project', $2, $3, $4)`,
      [request.principal?.user.id ?? null, projectId, JSON.stringify({ ...body, ...totals }), request.ip],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return totals;
}
