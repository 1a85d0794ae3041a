import { createPoolMetrics, createRegistry } from "@arbiter/observability";
import type { Queue } from "bullmq";
import { Counter, Gauge, Histogram } from "prom-client";

/**
 * The worker process's metrics, served on its health port. One registry per process:
 * workers started in the same process (tests) add to the same counters.
 */
export const registry = createRegistry();
export const poolMetrics = createPoolMetrics(registry);

export const jobDuration = new Histogram({
  name: "arbiter_job_duration_seconds",
  help: "Time a processor spent on one job attempt, by queue and outcome (completed, failed, delayed: put back to wait)",
  labelNames: ["queue", "outcome"],
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
  registers: [registry],
});

const depthQueues = new Set<Queue>();
new Gauge({
  name: "arbiter_queue_jobs",
  help: "Jobs in a BullMQ queue by state, read from Redis when scraped",
  labelNames: ["queue", "state"],
  registers: [registry],
  async collect() {
    for (const queue of depthQueues) {
      const c = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
      // A prioritized job (a connection test) waits like any other; BullMQ keeps it apart.
      this.set({ queue: queue.name, state: "waiting" }, (c.waiting ?? 0) + (c.prioritized ?? 0));
      for (const state of ["active", "delayed", "failed"] as const)
        this.set({ queue: queue.name, state }, c[state] ?? 0);
    }
  },
});

/** Reports this queue's depth until the returned function is called. */
export function reportDepthOf(queue: Queue): () => void {
  depthQueues.add(queue);
  return () => depthQueues.delete(queue);
}

export const generationRequests = new Counter({
  name: "arbiter_generation_requests_total",
  help: "Requests to model servers, by generator id and outcome (ok or error)",
  labelNames: ["generator", "outcome"],
  registers: [registry],
});

export const generationTokens = new Counter({
  name: "arbiter_generation_tokens_total",
  help: "Tokens model servers reported, by generator id and kind (prompt or completion)",
  labelNames: ["generator", "kind"],
  registers: [registry],
});

export const generationErrors = new Counter({
  name: "arbiter_generation_errors_total",
  help: "Failed requests to model servers, by generator id and kind of failure",
  labelNames: ["generator", "kind"],
  registers: [registry],
});

export const exportRows = new Counter({
  name: "arbiter_export_rows_total",
  help: "Rows written by finished exports, by format",
  labelNames: ["format"],
  registers: [registry],
});

export const exportBytes = new Counter({
  name: "arbiter_export_bytes_total",
  help: "Bytes of data files written by finished exports (compressed size when compressed), by format",
  labelNames: ["format"],
  registers: [registry],
});
