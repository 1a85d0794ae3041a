import { randomUUID } from "node:crypto";
import { createExportQueue, createWorkerConnection, type ExportQueue, exportJobId } from "@arbiter/jobs";
import { ZExportRequest } from "@arbiter/shared";
import { createTestDatabase, seedBradleyTerryProject, type TestDatabase } from "@arbiter/testkit";
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recoverExports } from "../../src/features/export/recover-exports";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-export-recover-${randomUUID().slice(0, 8)}`;
let db: TestDatabase;
let redis: Redis;
let queue: ExportQueue;
let projectId: string;
let ownerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ projectId, ownerId } = await seedBradleyTerryProject(db.pool, { judgments: 3 }));
  redis = createWorkerConnection(REDIS_URL);
  queue = createExportQueue(redis, { prefix });
});
afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  redis?.disconnect();
  await db?.drop();
});

async function exportWith(status: "QUEUED" | "RUNNING" | "SUCCEEDED") {
  const row = await db.prisma.export.create({
    data: {
      projectId,
      format: "trl",
      params: ZExportRequest.parse({ format: "trl" }),
      createdById: ownerId,
      status,
    },
  });
  return row.id;
}

it("enqueues exports without a job, leaves live and finished ones alone, and fails a job that ended early", async () => {
  // A job BullMQ gave up on (the stall limit) while its row still says running.
  const ended = await exportWith("RUNNING");
  await queue.add("run-export", { exportId: ended }, { jobId: exportJobId(ended), attempts: 1 });
  const taker = new Worker(queue.name, null, { connection: redis, prefix, autorun: false });
  const job = await taker.getNextJob("token");
  await job!.moveToFailed(new Error("job stalled more than allowable limit"), "token", false);
  await taker.close();

  const lost = await exportWith("QUEUED");
  const lostRunning = await exportWith("RUNNING");
  const waiting = await exportWith("QUEUED");
  await queue.add("run-export", { exportId: waiting }, { jobId: exportJobId(waiting) });
  const done = await exportWith("SUCCEEDED");

  expect(await recoverExports(db.pool, queue)).toBe(3);
  expect(await queue.getJobState(exportJobId(lost))).toBe("waiting");
  expect(await queue.getJobState(exportJobId(lostRunning))).toBe("waiting");
  expect(await queue.getJobState(exportJobId(done))).toBe("unknown");
  const rows = await db.prisma.export.findMany({ where: { id: { in: [ended, waiting] } } });
  expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
    [ended]: "FAILED",
    [waiting]: "QUEUED",
  });

  // Again: the jobs now exist, so a second sweep changes nothing.
  expect(await recoverExports(db.pool, queue)).toBe(0);
  expect(await queue.getJobCounts("waiting", "failed")).toEqual({ waiting: 3, failed: 1 });
});
