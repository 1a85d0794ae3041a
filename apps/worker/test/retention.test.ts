import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@arbiter/db/testing";
import { clearRedisPrefix, seedBradleyTerryProject, waitFor } from "@arbiter/testkit";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseWorkerEnv } from "../src/env";
import { eraseExpiredParticipants } from "../src/features/retention/erase-expired";
import { maintenanceProcessor } from "../src/processors/maintenance";
import { startWorkers } from "../src/start-workers";
import { REDIS_URL, TEST_ENV } from "./support/generation";

let db: TestDatabase;
const prefix = `test-retention-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  await clearRedisPrefix(REDIS_URL, prefix);
});

/** A crowd participant that joined `daysAgo` days ago with this platform id. */
async function participant(externalId: string, daysAgo: number) {
  const user = await db.prisma.user.create({
    data: {
      email: `prolific-${externalId}@crowd.invalid`,
      name: `Prolific ${externalId}`,
      createdAt: new Date(Date.now() - daysAgo * 86_400_000),
      externalIdentities: { create: { platform: "prolific", externalId, studyId: "study-1" } },
    },
  });
  return user.id;
}

it("erases crowd participants inactive for longer than the retention period, and no one else", async () => {
  const gone = await participant("idle-since-40-days", 40);
  const signedInLately = await participant("joined-40-days-ago-seen-today", 40);
  await db.prisma.session.create({
    data: {
      userId: signedInLately,
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
      lastSeenAt: new Date(),
    },
  });
  const fresh = await participant("joined-yesterday", 1);
  // An annotator of a seeded project: answers in the last day, so active, although the
  // account (given a platform id here) is old.
  const { projectId } = await seedBradleyTerryProject(db.pool, { judgments: 30, annotators: 3, days: 1 });
  const answering = (await db.prisma.judgment.findFirstOrThrow({ where: { projectId } })).annotatorId;
  await db.prisma.user.update({
    where: { id: answering },
    data: {
      createdAt: new Date(Date.now() - 90 * 86_400_000),
      externalIdentities: { create: { platform: "mturk", externalId: "A-ANSWERS-DAILY" } },
    },
  });
  // Nor is staff who signs in through the lab's identity provider (also an external identity).
  const sso = await db.prisma.user.create({
    data: {
      email: "sso-researcher@lab.example",
      name: "SSO",
      role: "RESEARCHER",
      createdAt: new Date(0),
      externalIdentities: { create: { platform: "oidc:lab", externalId: "subject-1" } },
    },
  });
  // Staff are never crowd participants, however long ago they were last seen.
  const staff = await db.prisma.user.create({
    data: { email: "old-researcher@lab.example", name: "Old", role: "RESEARCHER", createdAt: new Date(0) },
  });

  expect(await eraseExpiredParticipants(db.pool, 30)).toBe(1);
  const users = await db.prisma.user.findMany({
    where: { id: { in: [gone, signedInLately, fresh, answering, staff.id, sso.id] } },
  });
  const erased = users.filter((u) => u.erasedAt).map((u) => u.id);
  expect(erased).toEqual([gone]);
  expect(await db.prisma.externalIdentity.count({ where: { userId: gone } })).toBe(0);
  const record = await db.prisma.auditEvent.findFirstOrThrow({
    where: { action: "user.erase", targetId: gone },
  });
  expect(record.actorId).toBeNull();
  expect(record.data).toMatchObject({ judgments: "kept", reason: "retention", retentionDays: 30 });
  // A second sweep finds nothing more to do.
  expect(await eraseExpiredParticipants(db.pool, 30)).toBe(0);
});

it("runs on the worker's schedule when CROWD_RETENTION_DAYS is set", async () => {
  const idle = await participant("scheduled-idle", 10);
  const env = parseWorkerEnv({
    ...TEST_ENV,
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    CROWD_RETENTION_DAYS: "7",
    RETENTION_SWEEP_INTERVAL_MS: "200",
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const logger = pino({ level: "silent" });
  const running = startWorkers({ env, db, redis, prefix, logger }, [maintenanceProcessor]);
  try {
    await waitFor(
      async () => Boolean((await db.prisma.user.findUniqueOrThrow({ where: { id: idle } })).erasedAt),
      { what: "the scheduled sweep to erase the idle participant", timeoutMs: 30_000 },
    );
  } finally {
    await running.close();
    await redis.quit();
  }
});
