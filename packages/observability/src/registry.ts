import { collectDefaultMetrics, Registry } from "prom-client";

/** Every series Arbiter exports starts with this, process metrics included. */
export const METRIC_PREFIX = "arbiter_";

/**
 * A registry of one process's metrics, with Node's process metrics (CPU, memory, event-loop
 * lag, GC) already in it. Each app keeps one for the life of the process.
 */
export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return registry;
}
