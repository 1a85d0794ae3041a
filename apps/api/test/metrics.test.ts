import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  declaredSeries,
  freePort,
  parsePrometheus,
  REPO_ROOT,
  sampleValue,
  type TSample,
  waitFor,
} from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { type ExportWorker, exportWorker } from "./support/export-worker";
import { requestExport, waitForExport } from "./support/exports";
import { createHarness, type Harness } from "./support/harness";

const TOKEN = "metrics-token-0123456789abcdef";
const SECRET = "metrics-test-secret-0123456789";
process.env.REDIS_PREFIX = `test-metrics-${randomUUID().slice(0, 8)}`;

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ METRICS_TOKEN: TOKEN, ARBITER_SECRET: SECRET });
});
afterAll(async () => h?.close());

// What each process declares, for the dashboard's check at the end.
const expositions: string[] = [];

async function scrape(headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  const res = await h.app.inject({ method: "GET", url: "/metrics", headers });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  expositions.push(res.body);
  return parsePrometheus(res.body);
}

describe("API /metrics", () => {
  it("asks for the token: none or a wrong one is a 401", async () => {
    expect((await h.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const wrong = await h.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain("arbiter_");
  });

  it("counts a lease and a judgment, by route template, with pool and process metrics", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [annotator], { items: 2 });
    const before = await scrape();
    const route = { method: "POST", route: "/api/v1/assignments/:id/judgment", status: "201" };
    const judged = (s = before) => sampleValue(s, "arbiter_judgments_total", { outcome: "created" }) ?? 0;
    const requests = (s = before) => sampleValue(s, "arbiter_http_requests_total", route) ?? 0;
    const batches = (s = before) => sampleValue(s, "arbiter_judgment_batch_size_count") ?? 0;

    const { assignment } = await takeAssignment(h, annotator, projectId);
    const leased = await scrape();
    expect(sampleValue(leased, "arbiter_leases", { state: "active" })).toBe(1);
    expect((await judge(h, annotator, assignment!.id)).statusCode).toBe(201);

    const after = await scrape();
    expect(judged(after)).toBe(judged() + 1);
    expect(requests(after)).toBe(requests() + 1);
    expect(batches(after)).toBe(batches() + 1);
    expect(sampleValue(after, "arbiter_http_request_duration_seconds_count", route)).toBeGreaterThanOrEqual(
      1,
    );
    // The judgment leased the next item: one lease held, none lapsed.
    expect(sampleValue(after, "arbiter_leases", { state: "active" })).toBe(1);
    expect(sampleValue(after, "arbiter_leases", { state: "expired" })).toBe(0);
    // No raw URL (with its id) ever becomes a label.
    expect(after.some((s) => s.labels.route?.includes(assignment!.id))).toBe(false);
    expect(sampleValue(after, "arbiter_db_pool_connections", { state: "total" })).toBeGreaterThan(0);
    expect(sampleValue(after, "arbiter_db_pool_waiting")).toBe(0);
    expect(sampleValue(after, "arbiter_process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(sampleValue(after, "arbiter_nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("labels an unknown path as unmatched", async () => {
    await h.app.inject({ method: "GET", url: `/no/such/${randomUUID()}` });
    const s = await scrape();
    expect(
      sampleValue(s, "arbiter_http_requests_total", { method: "GET", route: "unmatched", status: "404" }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("is not served without a token, and on the internal listener when METRICS_PORT is set", async () => {
    const port = await freePort();
    const internal = await createHarness({ METRICS_PORT: String(port) });
    try {
      expect((await internal.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("arbiter_http_requests_total");
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(404);
    } finally {
      await internal.close();
    }
  });
});

describe("worker /metrics", () => {
  let worker: ExportWorker;
  afterAll(async () => worker?.stop());

  it("shows export rows and bytes by format, the queue's depth and the job's duration", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId } = await seedProject(h, researcher, annotators, { items: 2, judgmentsPerItem: 2 });
    for (const a of annotators) {
      for (let n = 0; n < 2; n++) {
        const { assignment } = await takeAssignment(h, a, projectId);
        expect((await judge(h, a, assignment!.id)).statusCode).toBe(201);
      }
    }
    const port = await freePort();
    worker = exportWorker({
      databaseUrl: h.db.url,
      redisPrefix: process.env.REDIS_PREFIX!,
      secret: SECRET,
      extra: { WORKER_HEALTH_PORT: String(port), METRICS_TOKEN: TOKEN },
    });
    worker.start();
    const created = await requestExport(h, researcher, projectId, { format: "trl" });
    const done = await waitForExport(h, researcher, created.id);
    expect(done.status).toBe("SUCCEEDED");
    const bytes = done.files
      .filter((f: { split: string | null }) => f.split !== null)
      .reduce((s: number, f: { bytes: number }) => s + f.bytes, 0);

    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    let samples: TSample[] = [];
    // The job's duration is recorded once the processor returns, just after the row says so.
    await waitFor(
      async () => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
        const text = await res.text();
        expositions.push(text);
        samples = parsePrometheus(text);
        return !!sampleValue(samples, "arbiter_job_duration_seconds_count", {
          queue: "export",
          outcome: "completed",
        });
      },
      { what: "the export job's duration in the worker's metrics", timeoutMs: 30_000 },
    );
    expect(sampleValue(samples, "arbiter_export_rows_total", { format: "trl" })).toBe(done.rowCount);
    expect(sampleValue(samples, "arbiter_export_bytes_total", { format: "trl" })).toBe(bytes);
    expect(sampleValue(samples, "arbiter_queue_jobs", { queue: "export", state: "waiting" })).toBe(0);
    expect(sampleValue(samples, "arbiter_queue_jobs", { queue: "export", state: "failed" })).toBe(0);
    expect(sampleValue(samples, "arbiter_db_pool_connections", { state: "total" })).toBeGreaterThan(0);
  });
});

describe("the Grafana dashboard", () => {
  it("queries only series the API and the worker export", () => {
    const dashboard = JSON.parse(readFileSync(`${REPO_ROOT}/deploy/grafana/arbiter-dashboard.json`, "utf8"));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets?: { expr: string }[] }) =>
      (p.targets ?? []).map((t) => t.expr),
    );
    expect(exprs.length).toBeGreaterThan(15);
    const known = new Set(expositions.flatMap((text) => [...declaredSeries(text)]));
    const used = new Set(exprs.flatMap((e) => e.match(/\barbiter_\w+/g) ?? []));
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
    // Every series Arbiter defines has a panel (process metrics aside).
    const own = [...known].filter(
      (n) => !/^arbiter_(process|nodejs)_/.test(n) && !/_(bucket|sum|count)$/.test(n),
    );
    const shown = (n: string) => [...used].some((u) => u === n || u.startsWith(`${n}_`));
    expect(own.filter((n) => !shown(n))).toEqual([]);
  });
});
