import { createPoolMetrics, createRegistry } from "@arbiter/observability";
import type pg from "pg";
import { Counter, Gauge, Histogram } from "prom-client";

/**
 * The API process's metrics. One registry per process, as Prometheus sees it: apps built in
 * the same process (tests) add to the same counters.
 */
export const registry = createRegistry();
export const poolMetrics = createPoolMetrics(registry);

export const httpRequests = new Counter({
  name: "arbiter_http_requests_total",
  help: "HTTP requests answered, by method, route template and status code",
  labelNames: ["method", "route", "status"],
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: "arbiter_http_request_duration_seconds",
  help: "Time from receiving a request to sending its response, by method, route template and status code",
  labelNames: ["method", "route", "status"],
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const judgments = new Counter({
  name: "arbiter_judgments_total",
  help: "Answers submitted, by outcome (created: stored now; replayed: a retry of a stored one; others refused)",
  labelNames: ["outcome"],
  registers: [registry],
});

export const judgmentBatchSize = new Histogram({
  name: "arbiter_judgment_batch_size",
  help: "Answers written by one arbiter_judge_batch call (group commit under load)",
  buckets: [1, 2, 4, 8, 16, 32, 64],
  registers: [registry],
});

// Leases end by expiring in place (an ACTIVE assignment past expires_at), so they are
// counted where they live, in Postgres, when scraped.
const leasePools = new Set<pg.Pool>();
new Gauge({
  name: "arbiter_leases",
  help: "Assignments leased and unanswered: active (within the lease) or expired (lapsed, not yet leased again)",
  labelNames: ["state"],
  registers: [registry],
  async collect() {
    const pool = [...leasePools].at(-1);
    if (!pool) return;
    const { rows } = await pool.query<{ active: string; expired: string }>(
      `SELECT count(*) FILTER (WHERE expires_at > now()) AS active,
              count(*) FILTER (WHERE expires_at <= now()) AS expired
         FROM assignments WHERE status = 'ACTIVE'`,
    );
    this.set({ state: "active" }, Number(rows[0]?.active ?? 0));
    this.set({ state: "expired" }, Number(rows[0]?.expired ?? 0));
  },
});

/** Reads lease counts from this database (the latest app's, when tests build several) until closed. */
export function countLeasesIn(pool: pg.Pool): () => void {
  leasePools.add(pool);
  return () => leasePools.delete(pool);
}
