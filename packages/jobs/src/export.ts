import { jobTraceOptions } from "@arbiter/observability";
import { type ConnectionOptions, Queue } from "bullmq";
import { z } from "zod";
import { defaultJobOptions, QUEUES } from "./queues";

export const EXPORT_JOBS = { run: "run-export" } as const;

// Only the id travels: the request lives in the Export row, which the worker reads.
export const ZExportPayload = z.object({ exportId: z.uuid() });
export type TExportPayload = z.infer<typeof ZExportPayload>;

/** Stable, so that enqueueing the same export twice while its job exists adds nothing. */
export function exportJobId(exportId: string): string {
  return `export-${exportId}`;
}

export type ExportQueue = Queue;

/**
 * An export restarts from scratch after a crash (its files are rebuilt byte for byte), so
 * a few attempts with a slow backoff cover a worker restart or a database blip.
 */
export function createExportQueue(connection: ConnectionOptions, options: { prefix: string }): ExportQueue {
  return new Queue(QUEUES.export, {
    connection,
    prefix: options.prefix,
    defaultJobOptions: defaultJobOptions({ attempts: 5, baseDelayMs: 2_000, maxDelayMs: 60_000 }),
  });
}

export async function enqueueExport(queue: ExportQueue, exportId: string): Promise<void> {
  await queue.add(EXPORT_JOBS.run, { exportId }, { jobId: exportJobId(exportId), ...jobTraceOptions() });
}
