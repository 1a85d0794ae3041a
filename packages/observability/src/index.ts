export { jobTraceOptions, runInJobTrace } from "./job-trace";
export { bearerMatches, emptyAsUnset, ZMetricsEnv } from "./metrics-access";
export { createPoolMetrics } from "./pool-metrics";
export { createRegistry, METRIC_PREFIX } from "./registry";
export { serveMetrics } from "./serve-metrics";
