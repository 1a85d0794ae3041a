import type { Export } from "@arbiter/db";
import {
  createExportQueue,
  createProducerConnection,
  type ExportQueue,
  enqueueExport,
  queuePrefix,
} from "@arbiter/jobs";
import { type TExport, type TExportFile, type TExportRequest, ZExportRequest } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { HttpError, notFound } from "../../lib/http-error";

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
 * holds no Redis connection; it fails fast when Redis is away.
 */
export function exportQueue(app: FastifyInstance): () => ExportQueue {
  let opened: { queue: ExportQueue; connection: ReturnType<typeof createProducerConnection> } | undefined;
  app.addHook("onClose", async () => {
    if (!opened) return;
    await opened.queue.close();
    opened.connection.disconnect();
  });
  return () => {
    if (!opened) {
      const connection = createProducerConnection(app.config.REDIS_URL);
      opened = { connection, queue: createExportQueue(connection, { prefix: queuePrefix() }) };
    }
    return opened.queue;
  };
}

export async function createExport(
  app: FastifyInstance,
  request: FastifyRequest,
  queue: () => ExportQueue,
  projectId: string,
  body: TExportRequest,
): Promise<TExport> {
  const project = await app.db.prisma.project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw notFound("Project");
  const row = await app.db.prisma.$transaction(async (tx) => {
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
  try {
    await enqueueExport(queue(), row.id);
  } catch (err) {
    request.log.warn({ err }, "export not enqueued");
    const failed = await app.db.prisma.export.update({
      where: { id: row.id },
      data: {
        status: "FAILED",
        error: "The job queue was unavailable; request the export again",
        finishedAt: new Date(),
      },
    });
    throw new HttpError(503, "queue_unavailable", "The job queue is unavailable; retry shortly", {
      export: toExportDto(failed),
    });
  }
  return toExportDto(row);
}

export async function getExport(app: FastifyInstance, id: string): Promise<Export> {
  const row = await app.db.prisma.export.findUnique({ where: { id } });
  if (!row) throw notFound("Export");
  return row;
}
