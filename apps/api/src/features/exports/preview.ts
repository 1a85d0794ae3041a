import type { Db } from "@arbiter/db";
import {
  countSource,
  createPseudonymizer,
  emptyCounts,
  exportItem,
  fitConsensus,
  planSplits,
  readConsensusInput,
  readItemPages,
  readLookups,
} from "@arbiter/export";
import type { TExportPreview, TExportRequest } from "@arbiter/shared";
import { HttpError, notFound } from "../../lib/http-error";

/** Rows shown; enough to see the shape and a couple of prompts. */
export const PREVIEW_ROWS = 5;
// Up to this many items the preview reads the whole project and gives exact row counts;
// past it, it reads no more items than this looking for the first rows, so a preview of a
// million-judgment project costs a count and a few hundred index lookups.
const PREVIEW_ITEMS = 2_000;
const PAGE_ITEMS = 250;
/** Postgres: statement_timeout hit. */
const QUERY_CANCELED = "57014";

/**
 * The first rows of an export as its files would hold them (same reader, aggregation and
 * formatting as the worker), with source counts. Read in one read-only transaction so
 * that rows and counts describe the same moment.
 */
export async function previewExport(
  db: Db,
  /** ARBITER_SECRET: keys the annotator pseudonyms. */
  secret: string,
  projectId: string,
  req: TExportRequest,
  limits = { rows: PREVIEW_ROWS, items: PREVIEW_ITEMS },
): Promise<TExportPreview> {
  const project = await db.prisma.project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw notFound("Project");
  const client = await db.pool.connect();
  let preview: TExportPreview;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // As in the export: timestamps inside json_build_array render in the session's zone.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    await client.query("SET LOCAL statement_timeout = '15s'");
    const source = await countSource(client, projectId, req);
    const lookups = await readLookups(client, projectId);
    const complete = source.items <= limits.items;
    const plan = planSplits(req.splits);
    // Dawid–Skene needs the whole project's votes even for the first rows: reliabilities are global.
    const consensus =
      req.aggregation === "dawid-skene"
        ? fitConsensus(await readConsensusInput(client, projectId, lookups.untrusted), req)
        : undefined;
    const ctx = { req, plan, pseudonym: createPseudonymizer(secret), consensus };
    const counts = emptyCounts();
    const perSplit: Record<string, number> = Object.fromEntries(plan.names.map((n) => [n, 0]));
    const rows: TExportPreview["rows"] = [];
    const pages = readItemPages(client, projectId, lookups, {
      full: req.format === "raw",
      pageSize: Math.min(PAGE_ITEMS, limits.items),
    });
    for await (const page of pages) {
      for (const item of page) {
        const out = exportItem(item, ctx, counts);
        perSplit[out.split]! += out.lines.length;
        for (const line of out.lines) {
          if (rows.length < limits.rows) rows.push({ split: out.split, line });
        }
      }
      if (!complete && (rows.length >= limits.rows || counts.items >= limits.items)) break;
    }
    await client.query("COMMIT");
    const total = Object.values(perSplit).reduce((a, b) => a + b, 0);
    preview = {
      rows,
      source: {
        items: source.items,
        judgments: source.judgments,
        matchingJudgments: source.matching,
        supersededJudgments: source.superseded,
      },
      scanned: { items: counts.items, complete },
      exact: complete
        ? {
            rows: perSplit,
            total,
            usedJudgments: counts.used,
            excluded: counts.excluded,
            excludedItems: counts.excludedItems,
          }
        : null,
    };
  } catch (err) {
    const usable = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(usable ? undefined : true);
    if ((err as { code?: string }).code === QUERY_CANCELED)
      throw new HttpError(
        503,
        "preview_timeout",
        "The preview took too long; the export itself is not limited",
      );
    throw err;
  }
  client.release();
  return preview;
}
