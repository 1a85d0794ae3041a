import { createHash, randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { createDedicatedRedis, sleep, type TDedicatedRedis } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { type ExportWorker, exportWorker } from "./support/export-worker";
import { requestExport, waitForExport } from "./support/exports";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

// The test's own redis-server on a free port, so that stopping it touches nobody else.
const SECRET = "export-redis-down-secret-0123";
const PREFIX = `test-export-down-${randomUUID().slice(0, 8)}`;

let redis: TDedicatedRedis;
let h: Harness;
let worker: ExportWorker;
let researcher: TestUser;
let projectId: string;

beforeAll(async () => {
  // Nothing keeps what it was given, so a restart loses every job; and nothing listens on
  // the port yet: the API starts with Redis away.
  redis = await createDedicatedRedis({ persistent: false });
  h = await createHarness({
    ARBITER_SECRET: SECRET,
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
  });
  researcher = await h.user("RESEARCHER");
  const annotator = await h.user("ANNOTATOR");
  const seeded = await seedProject(h, researcher, [annotator], { items: 2, judgmentsPerItem: 1 });
  projectId = seeded.projectId;
  for (let n = 0; n < 2; n++) {
    const { assignment } = await takeAssignment(h, annotator, projectId);
    expect((await judge(h, annotator, assignment!.id, { choice: "A" })).statusCode).toBe(201);
  }
  worker = exportWorker({
    databaseUrl: h.db.url,
    redisPrefix: PREFIX,
    secret: SECRET,
    extra: { REDIS_URL: redis.url, EXPORT_RECOVERY_INTERVAL_MS: "300" },
  });
  worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
  await redis?.destroy();
});

const requestTrl = () => requestExport(h, researcher, projectId, { format: "trl" });

async function expectTwoRows(id: string) {
  const done = await waitForExport(h, researcher, id);
  expect(done.status, done.error).toBe("SUCCEEDED");
  expect(done.rowCount).toBe(2);
  const file = done.files.find((f: { name: string }) => f.name === "train.jsonl.gz");
  const res = await h.app.inject({
    method: "GET",
    url: `/api/v1/exports/${id}/files/train.jsonl.gz`,
    headers: bearer(researcher),
  });
  expect(createHash("sha256").update(res.rawPayload).digest("hex")).toBe(file.sha256);
  expect(gunzipSync(res.rawPayload).toString("utf8").trim().split("\n")).toHaveLength(2);
}

describe("exports while Redis is away", () => {
  it("are accepted and kept QUEUED, then run once Redis is back", async () => {
    const early = await requestTrl();
    expect(early.status).toBe("QUEUED");
    await sleep(1_000);
    const row = await h.db.prisma.export.findUniqueOrThrow({ where: { id: early.id } });
    expect(row.status).toBe("QUEUED");

    await redis.start();
    await expectTwoRows(early.id);
  });

  it("wait out a Redis restart that lost every job", async () => {
    await redis.kill();
    const during = await requestTrl();
    expect(during.status).toBe("QUEUED");
    await sleep(500);
    expect((await h.db.prisma.export.findUniqueOrThrow({ where: { id: during.id } })).status).toBe("QUEUED");

    // A fresh Redis: no job survives, so only the worker's sweep can start the export.
    await redis.start();
    await expectTwoRows(during.id);
    const exports = await h.db.prisma.export.findMany({ where: { projectId } });
    expect(exports.map((e) => e.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
  });
});
