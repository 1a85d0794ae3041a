import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createExportQueue, createProducerConnection, enqueueExport } from "@arbiter/jobs";
import { ZExportRequest } from "@arbiter/shared";
import {
  createTestDatabase,
  seedBradleyTerryProject,
  sleep,
  spawnNode,
  type TestDatabase,
  type TProcess,
} from "@arbiter/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-export-${randomUUID().slice(0, 8)}`;
const exportDir = mkdtempSync(path.join(tmpdir(), "arbiter-export-restart-"));
let db: TestDatabase;
let projectId: string;
let ownerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // No ties: every answer is one chosen/rejected row of the export.
  ({ projectId, ownerId } = await seedBradleyTerryProject(db.pool, { judgments: 60_000, tieRate: 0 }));
});
afterAll(async () => {
  await db?.drop();
  rmSync(exportDir, { recursive: true, force: true });
});

function startWorker(): TProcess {
  return spawnNode(ENTRY, {
    name: "worker",
    echo: true,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: db.url,
      REDIS_PREFIX: prefix,
      EXPORT_DIR: exportDir,
      WORKER_QUEUES: "export",
      WORKER_HEALTH_PORT: "0",
      JOB_LOCK_MS: "2000",
      JOB_STALLED_CHECK_MS: "500",
    },
  });
}

const exportRow = (id: string) => db.prisma.export.findUniqueOrThrow({ where: { id } });
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

it("an export killed mid-way is finished by the next worker, complete and matching its manifest", async () => {
  const created = await db.prisma.export.create({
    data: {
      projectId,
      format: "trl",
      params: ZExportRequest.parse({ format: "trl", splits: { train: 0.8, test: 0.2 } }),
      createdById: ownerId,
    },
  });
  const producer = createProducerConnection(REDIS_URL);
  const queue = createExportQueue(producer, { prefix });
  await enqueueExport(queue, created.id);

  const first = startWorker();
  // Killed once it has written part of a data file, before it has finished.
  const partial = () =>
    readdirSync(exportDir)
      .filter((d) => d.startsWith(`.tmp-${created.id}`))
      .some((d) =>
        readdirSync(path.join(exportDir, d)).some((f) => statSync(path.join(exportDir, d, f)).size > 0),
      );
  while (!partial()) await sleep(10);
  await first.kill("SIGKILL");

  const killed = await exportRow(created.id);
  expect(killed.status).toBe("RUNNING");
  expect(killed.files).toEqual([]);
  expect(existsSync(path.join(exportDir, created.id))).toBe(false);

  const second = startWorker();
  try {
    let row = killed;
    while (row.status === "RUNNING" || row.status === "QUEUED") {
      await sleep(100);
      row = await exportRow(created.id);
    }
    expect(row.status).toBe("SUCCEEDED");
    expect(row.rowCount).toBe(60_000);
    const files = row.files as { name: string; sha256: string; bytes: number; path: string }[];
    const manifest = JSON.parse(readFileSync(path.join(exportDir, created.id, "manifest.json"), "utf8"));
    for (const file of files) {
      expect(sha256(file.path)).toBe(file.sha256);
      expect(statSync(file.path).size).toBe(file.bytes);
    }
    expect(manifest.files.map((f: { name: string; sha256: string }) => [f.name, f.sha256])).toEqual(
      files.filter((f) => f.name !== "manifest.json").map((f) => [f.name, f.sha256]),
    );
    expect(manifest.rows.train + manifest.rows.test).toBe(60_000);
    expect(readdirSync(exportDir).filter((d) => d.startsWith(".tmp-"))).toEqual([]);
  } finally {
    await second.kill("SIGTERM");
    await queue.close();
    producer.disconnect();
  }
});
