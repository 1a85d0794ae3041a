import http from "node:http";
import { createTestDatabase, startDedicatedRedis, type TestDatabase, waitFor } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProject } from "../support/annotation";
import type { TestUser } from "../support/harness";
import { startApi } from "../support/processes";
import { post } from "./support/annotators";
import { seedingHarness } from "./support/seed";

let db: TestDatabase;
let researcher: TestUser;
let annotator: TestUser;
let projectId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const h = await seedingHarness(db.url);
  try {
    researcher = await h.user("RESEARCHER");
    annotator = await h.user("ANNOTATOR");
    ({ projectId } = await seedProject(h, researcher, [annotator], { items: 5, judgmentsPerItem: 1 }));
  } finally {
    await h.close();
  }
}, 120_000);
afterAll(async () => db?.drop());

describe("the API process", () => {
  it("keeps annotating with its Redis stopped: the hot path never waits on Redis", async () => {
    const redis = await startDedicatedRedis({ persistent: false });
    const api = await startApi({ DATABASE_URL: db.url, REDIS_URL: redis.url });
    try {
      await redis.kill();
      for (let i = 0; i < 3; i++) {
        const lease = await post(api.url, annotator.token, `/api/v1/projects/${projectId}/assignments`);
        expect(lease.status, JSON.stringify(lease.body)).toBe(201);
        const { assignment } = lease.body as { assignment: { id: string } };
        const judged = await post(
          api.url,
          annotator.token,
          `/api/v1/assignments/${assignment.id}/judgment`,
          { choice: "B" },
          crypto.randomUUID(),
        );
        expect(judged.status, JSON.stringify(judged.body)).toBe(201);
      }
      expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    } finally {
      await api.kill("SIGTERM");
      await redis.destroy();
    }
  }, 120_000);

  it("on SIGTERM finishes the request in flight, then exits 0", async () => {
    const api = await startApi({ DATABASE_URL: db.url, LOG_LEVEL: "info" });
    const prompts = Array.from({ length: 200 }, (_, i) => ({ text: `sigterm prompt ${i}` }));
    const body = Buffer.from(JSON.stringify({ prompts }));
    // Half the body now, the rest after the signal: the request is provably in flight.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${api.url}/api/v1/projects/${projectId}/prompts`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${researcher.token}`,
          "content-type": "application/json",
          "content-length": String(body.length),
        },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.write(body.subarray(0, body.length / 2));
      // Signalled once the server has taken the request in; the rest of the body follows once
      // it says it is draining.
      void waitFor(async () => api.output().includes(`${projectId}/prompts`), {
        what: "the request to arrive",
      })
        .then(() => {
          api.child.kill("SIGTERM");
          return waitFor(async () => api.output().includes("shutting down"), { what: "the drain to start" });
        })
        .then(() => req.end(body.subarray(body.length / 2)), reject);
    });
    const res = await answer;
    expect(res.status, res.body).toBe(201);
    expect(JSON.parse(res.body).prompts).toHaveLength(200);
    expect(await api.exited).toBe(0);
    expect(
      await db.prisma.prompt.count({ where: { projectId, text: { startsWith: "sigterm prompt" } } }),
    ).toBe(200);
  }, 120_000);
});
