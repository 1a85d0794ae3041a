import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@arbiter/db/testing";
import { deriveCredentialKey, encryptWebhookSecret, generateWebhookSecret } from "@arbiter/jobs";
import { clearRedisPrefix } from "@arbiter/testkit";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWorkerEnv } from "../src/env";
import { webhookProcessor } from "../src/processors/webhook";
import { startWorkers } from "../src/start-workers";
import { REDIS_URL, TEST_ENV } from "./support/generation";

/**
 * Verifies a Standard Webhooks signature from the spec's text alone (standardwebhooks.com),
 * not with the worker's signer: the key is the base64 after `whsec_`, the content
 * "{webhook-id}.{webhook-timestamp}.{body}", and the header lists `v1,<base64 HMAC-SHA256>`
 * separated by spaces. True when one of them matches.
 */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.split("_")[1]!, "base64");
  const content = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`;
  const expected = createHmac("sha256", key).update(content).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((part) => {
      const [version, sig] = part.split(",");
      const given = Buffer.from(sig ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

type TReceived = { url: string; headers: IncomingHttpHeaders; body: string };

let db: TestDatabase;
let receiver: Server;
let base: string;
let userId: string;
let projectId: string;
const received: TReceived[] = [];
// Paths answer 500 this many times before 200.
const failuresLeft = new Map<string, number>();
const prefix = `test-webhooks-${randomUUID().slice(0, 8)}`;

function env(overrides: Record<string, string> = {}) {
  return parseWorkerEnv({
    ...TEST_ENV,
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    WEBHOOK_ATTEMPTS: "5",
    WEBHOOK_BACKOFF_MS: "20",
    WEBHOOK_BACKOFF_MAX_MS: "100",
    WEBHOOK_DISPATCH_INTERVAL_MS: "100",
    GENERATOR_ALLOWED_HOSTS: new URL(base).host,
    ...overrides,
  });
}

function startWorker(overrides: Record<string, string> = {}) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const running = startWorkers(
    { env: env(overrides), db, redis, prefix, logger: pino({ level: "silent" }) },
    [webhookProcessor],
  );
  return {
    close: async () => {
      await running.close();
      await redis.quit();
    },
  };
}

async function addEndpoint(url: string, events: string[], secret = generateWebhookSecret()) {
  const id = randomUUID();
  const key = deriveCredentialKey(env());
  await db.prisma.webhookEndpoint.create({
    data: {
      id,
      projectId,
      url,
      events,
      secretCiphertext: new Uint8Array(encryptWebhookSecret(key, id, secret)),
      createdById: userId,
    },
  });
  return { id, secret };
}

async function sendTest(endpointId: string) {
  const event = await db.prisma.webhookEvent.create({
    data: { projectId, type: "webhook.test", data: { endpointId } },
  });
  return (await db.prisma.webhookDelivery.create({ data: { eventId: event.id, endpointId } })).id;
}

async function waitForDelivery(id: string, status: "DELIVERED" | "FAILED", timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
    if (d.status === status) return d;
    if (Date.now() > deadline) throw new Error(`delivery still ${d.status} (${d.error})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const url = req.url ?? "";
      received.push({ url, headers: req.headers, body });
      const left = failuresLeft.get(url) ?? 0;
      failuresLeft.set(url, left - 1);
      res.writeHead(left > 0 ? 500 : 204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const user = await db.prisma.user.create({
    data: { email: "r@example.com", name: "R", role: "RESEARCHER" },
  });
  userId = user.id;
  projectId = (
    await db.prisma.project.create({ data: { slug: "p", name: "P", questions: {}, createdById: userId } })
  ).id;
});
afterAll(async () => {
  await new Promise((r) => receiver?.close(r));
  await clearRedisPrefix(REDIS_URL, prefix);
  await db?.drop();
});

describe("webhook deliveries", () => {
  it("sign every request by the Standard Webhooks rules, and by both secrets during a rotation", async () => {
    const { id, secret } = await addEndpoint(`${base}/signed`, ["export.succeeded"]);
    const worker = startWorker();
    try {
      const deliveryId = await sendTest(id);
      const done = await waitForDelivery(deliveryId, "DELIVERED");
      expect(done).toMatchObject({ attempts: 1, statusCode: 204, error: null });
      const req = received.find((r) => r.headers["webhook-id"] === deliveryId)!;
      expect(req.headers["content-type"]).toBe("application/json");
      expect(verify(secret, req.headers, req.body)).toBe(true);
      expect(verify(generateWebhookSecret(), req.headers, req.body)).toBe(false);
      expect(verify(secret, req.headers, `${req.body} `)).toBe(false);
      expect(Math.abs(Number(req.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(300);
      expect(JSON.parse(req.body)).toMatchObject({ type: "webhook.test", data: { endpointId: id } });

      // A rotation: the old secret still verifies until its grace ends, the new one too.
      const next = generateWebhookSecret();
      const key = deriveCredentialKey(env());
      const row = await db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
      await db.prisma.webhookEndpoint.update({
        where: { id },
        data: {
          secretCiphertext: new Uint8Array(encryptWebhookSecret(key, id, next)),
          previousSecretCiphertext: row.secretCiphertext,
          previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      const rotatedId = await sendTest(id);
      await waitForDelivery(rotatedId, "DELIVERED");
      const rotated = received.find((r) => r.headers["webhook-id"] === rotatedId)!;
      expect(String(rotated.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      expect(verify(next, rotated.headers, rotated.body)).toBe(true);
      expect(verify(secret, rotated.headers, rotated.body)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it("retry after the receiver answers 500, with the same webhook-id, until it recovers", async () => {
    failuresLeft.set("/flaky", 2);
    const { id, secret } = await addEndpoint(`${base}/flaky`, ["export.succeeded"]);
    const worker = startWorker();
    try {
      const deliveryId = await sendTest(id);
      const done = await waitForDelivery(deliveryId, "DELIVERED");
      expect(done).toMatchObject({ attempts: 3, statusCode: 204, error: null });
      const tries = received.filter((r) => r.url === "/flaky");
      expect(tries).toHaveLength(3);
      expect(new Set(tries.map((t) => t.headers["webhook-id"]))).toEqual(new Set([deliveryId]));
      // The same body each time; each attempt signed (and verifiable) on its own.
      expect(new Set(tries.map((t) => t.body)).size).toBe(1);
      for (const t of tries) expect(verify(secret, t.headers, t.body)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it("gives up after the last attempt and says why", async () => {
    failuresLeft.set("/down", 100);
    const { id } = await addEndpoint(`${base}/down`, ["export.succeeded"]);
    const worker = startWorker();
    try {
      const done = await waitForDelivery(await sendTest(id), "FAILED");
      expect(done).toMatchObject({
        attempts: 5,
        statusCode: 500,
        error: "receiver answered HTTP 500",
        nextRetryAt: null,
      });
    } finally {
      await worker.close();
    }
  });

  it("the egress policy refuses a private address, without retrying", async () => {
    const { id } = await addEndpoint("http://10.0.0.1:8080/hook", ["export.succeeded"]);
    const worker = startWorker({ GENERATOR_DENY_PRIVATE: "true" });
    try {
      const done = await waitForDelivery(await sendTest(id), "FAILED");
      expect(done.error).toMatch(/egress policy refuses private address/);
      expect(done.attempts).toBe(1);
      expect(done.statusCode).toBeNull();
    } finally {
      await worker.close();
    }
  });

  it("an event written while no worker runs is delivered when one starts (the outbox)", async () => {
    const { id, secret } = await addEndpoint(`${base}/outbox`, ["export.succeeded"]);
    const exp = await db.prisma.export.create({
      data: { projectId, format: "jsonl", params: {}, createdById: userId, status: "RUNNING" },
    });
    await db.prisma.export.update({ where: { id: exp.id }, data: { status: "SUCCEEDED", rowCount: 42 } });
    const delivery = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    expect(delivery.status).toBe("PENDING");
    const worker = startWorker();
    try {
      await waitForDelivery(delivery.id, "DELIVERED");
      const req = received.find((r) => r.url === "/outbox")!;
      expect(verify(secret, req.headers, req.body)).toBe(true);
      expect(JSON.parse(req.body)).toMatchObject({
        type: "export.succeeded",
        data: { exportId: exp.id, projectId, status: "SUCCEEDED", rowCount: 42 },
      });
    } finally {
      await worker.close();
    }
  });

  it("batch judgment.created: one delivery carries several judgments, read after the fact", async () => {
    const { id, secret } = await addEndpoint(`${base}/judgments`, ["judgment.created"]);
    const prompt = await db.prisma.prompt.create({ data: { projectId, text: "Q", contentHash: "q" } });
    const item = await db.prisma.item.create({
      data: { projectId, promptId: prompt.id, judgmentsWanted: 3 },
    });
    const judgmentIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const annotator = await db.prisma.user.create({
        data: { email: `a${i}@example.com`, name: `A${i}`, role: "ANNOTATOR" },
      });
      const assignment = await db.prisma.assignment.create({
        data: {
          itemId: item.id,
          projectId,
          annotatorId: annotator.id,
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      const judgment = await db.prisma.judgment.create({
        data: {
          assignmentId: assignment.id,
          itemId: item.id,
          projectId,
          annotatorId: annotator.id,
          idempotencyKey: `k${i}`,
          choice: "A",
          answer: { choice: "A" },
        },
      });
      judgmentIds.push(judgment.id);
    }
    const worker = startWorker({ WEBHOOK_JUDGMENT_BATCH: "2" });
    try {
      const deadline = Date.now() + 15_000;
      let bodies: { type: string; data: { judgments: { id: string }[] } }[] = [];
      while (Date.now() < deadline) {
        bodies = received.filter((r) => r.url === "/judgments").map((r) => JSON.parse(r.body));
        if (bodies.flatMap((b) => b.data.judgments).length >= 3) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Two deliveries for three judgments with a batch of two, none twice. Deliveries run
      // concurrently, so they may arrive in either order.
      expect(bodies.map((b) => b.data.judgments.length).sort()).toEqual([1, 2]);
      const delivered = bodies.flatMap((b) => b.data.judgments.map((j) => j.id));
      expect(delivered.sort()).toEqual([...judgmentIds].sort());
      expect(bodies.every((b) => b.type === "judgment.created")).toBe(true);
      for (const r of received.filter((r) => r.url === "/judgments"))
        expect(verify(secret, r.headers, r.body)).toBe(true);
      expect(await db.prisma.webhookDelivery.count({ where: { endpointId: id } })).toBe(2);
    } finally {
      await worker.close();
    }
  });
});
