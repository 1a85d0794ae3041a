import type { Db, Export } from "@arbiter/db";
import {
  createExportQueue,
  createProducerConnection,
  type ExportQueue,
  enqueueExport,
  queuePrefix,
} from "@arbiter/jobs";
import { type TExport, type TExportFile, type TExportRequest, ZExportRequest } from "@arbiter/shared";
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { TApiEnv } from "../../env";
import { audit } from "../../lib/audit";
import { notFound } from "../../lib/http-error";
import { page, pageArgs } from "../../lib/pagination";
import type { AuthUser } from "../../lib/principal";
import { assertProjectAccess } from "../projects/access";

/** As the worker stores it: the public description plus where the file lies on disk. */
export type StoredExportFile = TExportFile & { path: string };

export function storedFiles(row: Pick<Export, "files">): StoredExportFile[] {
  return Array.isArray(row.files) ? (row.files as unknown as StoredExportFile[]) : [];
}

export function toExportDto(row: Export): TExport {
  return {
    id: row.id,
    projectId: row.projectId,
    format: row.format as TExport["format"],
    params: ZExportRequest.parse(row.params),
    status: row.status,
    progress: row.progress,
    rowCount: row.rowCount,
    files: storedFiles(row).map(({ name, split, rows, bytes, sha256 }) => ({
      name,
      split,
      rows,
      bytes,
      sha256,
    })),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * The export queue's producer, opened on first use so that an API that never exports
 * holds no Redis connection; `close` (for the app's onClose) ends it if it was opened.
 */
export function exportQueue(
  config: Pick<TApiEnv, "REDIS_URL" | "REDIS_PREFIX">,
  log: FastifyBaseLogger,
): { producer: () => ExportProducer; close: () => Promise<void> } {
  let opened: ExportProducer | undefined;
  return {
    producer: () => {
      if (!opened) {
        const connection = createProducerConnection(config.REDIS_URL);
        const queue = createExportQueue(connection, { prefix: queuePrefix(config.REDIS_PREFIX) });
        queue.on("error", (err) => log.warn({ err }, "export queue connection error"));
        opened = { connection, queue };
      }
      return opened;
    },
    close: async () => {
      if (!opened) return;
      await opened.queue.close();
      opened.connection.disconnect();
    },
  };
}

export type ExportProducer = { queue: ExportQueue; connection: Redis };

// BullMQ waits for a connection rather than failing, so a Redis that is away would hold
// the request open; past this the export is left to the worker's recovery sweep.
const ENQUEUE_WAIT_MS = 2_000;

/**
 * Enqueues unless Redis is known to be away or does not answer in time. Either way the
 * export is recorded: a worker's sweep enqueues QUEUED exports that have no job, with the
 * same job id, so an enqueue that lands late adds nothing.
 */
async function tryEnqueue(producer: ExportProducer, exportId: string): Promise<boolean> {
  const status = producer.connection.status;
  if (status === "reconnecting" || status === "end" || status === "close") return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ENQUEUE_WAIT_MS);
  });
  const added = enqueueExport(producer.queue, exportId).then(() => true as const);
  // An enqueue that fails after the wait is over has nobody left to tell.
  added.catch(() => {});
  try {
    return await Promise.race([added, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function createExport(
  db: Db,
  request: FastifyRequest,
  queue: () => ExportProducer,
  projectId: string,
  body: TExportRequest,
): Promise<TExport> {
  const project = await db.prisma.project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw notFound("Project");
  const row = await db.prisma.$transaction(async (tx) => {
    const created = await tx.export.create({
      data: { projectId, format: body.format, params: body, createdById: request.principal!.user.id },
    });
    await audit(tx, request, {
      action: "export.create",
      targetType: "export",
      targetId: created.id,
      data: { projectId },
    });
    return created;
  });
  const enqueued = await tryEnqueue(queue(), row.id).catch((err) => {
    request.log.warn({ err }, "export not enqueued");
    return false;
  });
  if (!enqueued)
    request.log.warn({ exportId: row.id }, "job queue unavailable: the export waits for a worker's sweep");
  return toExportDto(row);
}

/** The project's exports, newest first, a page at a time. */
export async function listExports(
  db: Db,
  projectId: string,
  query: { cursor?: string; limit: number },
): Promise<{ exports: TExport[]; nextCursor: string | null }> {
  const project = await db.prisma.project.findUnique({ where: { id: projectId } });
  if (!project) throw notFound("Project");
  const rows = await db.prisma.export.findMany({ where: { projectId }, ...pageArgs(query) });
  const { items, nextCursor } = page(rows, query.limit);
  return { exports: items.map(toExportDto), nextCursor };
}

/** An export the caller may read (any standing in its project); others' are "not found". */
export async function getExport(db: Db, user: AuthUser, id: string): Promise<Export> {
  const row = await db.prisma.export.findUnique({ where: { id } });
  if (!row) throw notFound("Export");
  await assertProjectAccess(db, user, row.projectId, "view", "Export");
  return row;
}
