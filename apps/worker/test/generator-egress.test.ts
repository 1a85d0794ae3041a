import { promises as dns, type LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationFixture, type GenerationFixture } from "./support/generation";
import { startRecordingServer, type TRecordingServer } from "./support/recording-server";

// A service on the worker's loopback that generators must never reach, and an allowed host
// that answers every request with a redirect to it.
let f: GenerationFixture;
let internal: TRecordingServer;
let redirector: TRecordingServer;
let port: string;

beforeAll(async () => {
  f = await createGenerationFixture();
  internal = await startRecordingServer();
  port = new URL(internal.url).port;
  redirector = await startRecordingServer((_req, res) => {
    res.writeHead(302, { location: `${internal.url}/chat/completions` });
    res.end();
  });
  f.allowHosts(redirector.url);
});
afterAll(async () => {
  await internal?.close();
  await redirector?.close();
  await f?.close();
});

// A name the test's resolver sends to loopback: the path a DNS answer (or a rebinding) takes.
// Other names resolve as usual (localhost through /etc/hosts).
const resolve = async (hostname: string): Promise<LookupAddress[]> => {
  if (hostname === "model.rebound.test") return [{ address: "127.0.0.1", family: 4 }];
  return dns.lookup(hostname, { all: true });
};

describe("the worker calls only addresses the egress policy allows", () => {
  it("refuses loopback, metadata and unspecified base URLs written straight into the database", async () => {
    const { projectId, userId } = await f.seedProject(2);
    const urls = [
      `http://127.0.0.1:${port}/v1`,
      `http://localhost:${port}/v1`,
      `http://[::1]:${port}/v1`,
      "http://169.254.169.254/latest/v1",
      `http://[::ffff:127.0.0.1]:${port}/v1`,
      `http://0.0.0.0:${port}/v1`,
      `http://2130706433:${port}/v1`,
      `http://model.rebound.test:${port}/v1`,
    ];
    const ids: string[] = [];
    for (const baseUrl of urls) ids.push(await f.addGenerator(projectId, { baseUrl, model: "m" }));
    const worker = f.startWorker({}, { resolve });
    try {
      for (const [i, id] of ids.entries()) {
        const result = await f.testGenerator(id);
        expect(result, urls[i]).toMatchObject({ ok: false, error: "egress_denied" });
        expect(result, urls[i]).not.toHaveProperty("status");
      }
      const runId = await f.startRun(projectId, userId, ids, 1);
      expect(await f.waitForRun(runId)).toMatchObject({ status: "FAILED", done: 0, failed: ids.length * 2 });
      const samples = await f.db.prisma.generationSample.findMany({ where: { runId } });
      for (const s of samples) {
        expect(s.error).toMatch(/^egress_denied: .*GENERATOR_ALLOWED_HOSTS/);
        // Not retried: asking again cannot change the answer.
        expect(s.attempts).toBe(1);
      }
    } finally {
      await worker.close();
    }
    expect(internal.requests).toEqual([]);
  });

  it("does not follow a redirect, even from an allowed host", async () => {
    const { projectId } = await f.seedProject(1);
    const id = await f.addGenerator(projectId, { baseUrl: redirector.url, model: "m" });
    const worker = f.startWorker();
    try {
      const result = await f.testGenerator(id);
      expect(result).toMatchObject({ ok: false, error: "redirect", status: 302 });
    } finally {
      await worker.close();
    }
    expect(redirector.requests).toHaveLength(1);
    expect(internal.requests).toEqual([]);
  });

  it("reaches a loopback host once the operator allows it, and that host only", async () => {
    const { projectId } = await f.seedProject(1);
    const allowed = await f.addGenerator(projectId, { baseUrl: internal.url, model: "m" });
    const byName = await f.addGenerator(projectId, { baseUrl: `http://localhost:${port}/v1`, model: "m" });
    const worker = f.startWorker({ GENERATOR_ALLOWED_HOSTS: internal.host });
    try {
      expect(await f.testGenerator(allowed)).toMatchObject({ ok: true });
      // Allowing 127.0.0.1:port does not allow another name that resolves there.
      expect(await f.testGenerator(byName)).toMatchObject({
        ok: false,
        error: "egress_denied",
      });
    } finally {
      await worker.close();
    }
    expect(internal.requests).toHaveLength(1);
  });
});
