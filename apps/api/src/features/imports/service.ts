import type { Db } from "@arbiter/db";
import type { TImportResponse } from "@arbiter/shared";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { TApiEnv } from "../../env";
import { badRequest, HttpError } from "../../lib/http-error";
import { findUnstorable } from "../../lib/storable-json";
import { assertProject } from "../projects/access";
import { formatOf, readRecords, type TImportFormat } from "./read-records";
import { watchForStall } from "./stall-guard";
import type { ImportWriter } from "./writers";

const BATCH = 500;
const MAX_LISTED_REJECTS = 1_000;

export type TImportOptions = { dryRun: boolean; mode: "all-or-nothing" | "partial"; format?: TImportFormat };

const tooLarge = (limit: number) =>
  new HttpError(413, "payload_too_large", `The file is larger than the import limit of ${limit} bytes`);

/**
 * Streams an upload into the database inside one transaction: batches are written as
 * they are read, so memory stays flat, and the transaction is what makes "all or nothing"
 * and "dry run" true (a rollback) without a second pass over the file.
 */
export async function runImport<T>(
  db: Db,
  config: Pick<TApiEnv, "IMPORT_BODY_LIMIT_BYTES" | "IMPORT_READ_TIMEOUT_MS">,
  request: FastifyRequest,
  projectId: string,
  kind: "prompts" | "completions",
  writer: ImportWriter<T>,
  options: TImportOptions,
): Promise<TImportResponse> {
  await assertProject(db, projectId);
  const limit = config.IMPORT_BODY_LIMIT_BYTES;
  const filePart = request.file({ limits: { fileSize: limit, files: 1 } });
  // Settled or not, a stalled upload no longer waits for it.
  filePart.catch(() => undefined);
  const guard = watchForStall(request.raw, config.IMPORT_READ_TIMEOUT_MS);
  try {
    let upload: MultipartFile | undefined;
    try {
      upload = await Promise.race([filePart, guard.stalled]);
    } catch (err) {
      throw guard.error() ?? badRequest(`file: ${(err as Error).message}`);
    }
    if (!upload) throw badRequest("file: send the file as multipart/form-data in a field named file");
    const file = upload.file;
    guard.onStall((err) => file.destroy(err));
    return await importUpload(db, request, projectId, kind, writer, options, upload, limit, guard.error);
  } catch (err) {
    // Whatever the stall broke on its way out (a parser, the transaction), the stall is the news.
    throw guard.error() ?? err;
  } finally {
    guard.stop();
  }
}

async function importUpload<T>(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  kind: "prompts" | "completions",
  writer: ImportWriter<T>,
  options: TImportOptions,
  upload: MultipartFile,
  limit: number,
  stalled: () => HttpError | null,
): Promise<TImportResponse> {
  const format = formatOf(options.format, upload.filename);
  if (!format) throw badRequest("format: name the file .jsonl or .csv, or pass ?format=jsonl|csv|lines");
  if (format === "lines" && kind !== "prompts")
    throw badRequest("query.format: lines (one per line) is for prompts only; completions need JSONL or CSV");
  let truncated = false;
  upload.file.on("limit", () => {
    truncated = true;
    // Ends the reading loop now: otherwise it waits for a line that never comes while the
    // parser discards the rest of an endless file.
    upload.file.destroy(tooLarge(limit));
  });

  const result = { lines: 0, imported: 0, duplicates: 0, rejected: 0 };
  const rejects: TImportResponse["rejects"] = [];
  const reject = (line: number, reason: string) => {
    result.rejected += 1;
    if (rejects.length < MAX_LISTED_REJECTS) rejects.push({ line, reason });
  };
  const client = await db.pool.connect();
  let committed = false;
  try {
    await client.query("BEGIN");
    let batch: { line: number; value: T }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const written = await writer.write(client, projectId, batch);
      result.imported += written.imported;
      result.duplicates += written.duplicates;
      for (const r of written.rejects) reject(r.line, r.reason);
      batch = [];
    };
    for await (const record of readRecords(upload.file, format)) {
      if (truncated) break;
      result.lines += 1;
      if ("error" in record) {
        reject(record.line, record.error);
        continue;
      }
      const unstorable = findUnstorable(record.value, "line");
      if (unstorable) {
        reject(record.line, `${unstorable.path}: ${unstorable.message}`);
        continue;
      }
      const parsed = writer.schema.safeParse(record.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        reject(record.line, `${issue.path.join(".") || "line"}: ${issue.message}`);
        continue;
      }
      // Written even after a reject in all-or-nothing mode (the rollback undoes it), so that
      // lines only the database can judge (an unknown prompt) are reported too.
      batch.push({ line: record.line, value: parsed.data });
      if (batch.length >= BATCH) await flush();
    }
    // A reader ended by a stall may look like the end of the file: never commit a part of one.
    const stall = stalled();
    if (stall) throw stall;
    if (truncated || upload.file.truncated) throw tooLarge(limit);
    await flush();
    rejects.sort((a, b) => a.line - b.line);
    const rollBack = options.dryRun || (options.mode === "all-or-nothing" && result.rejected > 0);
    if (rollBack) {
      await client.query("ROLLBACK");
    } else {
      await client.query(
        `INSERT INTO audit_events (actor_id, action, target_type, target_id, data, ip)
         VALUES ($1, $2, 'project', $3, $4, $5)`,
        [
          request.principal?.user.id ?? null,
          `${kind}.import`,
          projectId,
          JSON.stringify({ ...result, format }),
          request.ip,
        ],
      );
      await client.query("COMMIT");
    }
    committed = true;
    return {
      dryRun: options.dryRun,
      mode: options.mode,
      ...result,
      rejects,
      rolledBack: rollBack,
    };
  } finally {
    if (!committed) await client.query("ROLLBACK").catch(() => undefined);
    client.release();
    // A request that stopped early must still read the rest of its body off the socket.
    upload.file.resume();
  }
}
