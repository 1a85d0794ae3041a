import { percentile } from "@arbiter/testkit";
import { Pool } from "undici";

export type Sample = { ms: number[]; errors: number };

export function summary(sample: Sample, seconds: number) {
  const sorted = [...sample.ms].sort((a, b) => a - b);
  return {
    count: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: sample.errors,
  };
}

/** Times one request; a non-2xx answer counts as an error. */
export async function timed<T>(sample: Sample, fn: () => Promise<{ status: number; body: T }>) {
  const start = performance.now();
  const res = await fn();
  sample.ms.push(performance.now() - start);
  if (res.status >= 300 && res.status !== 204) sample.errors += 1;
  return res;
}

export function httpPool(origin: string, connections: number): Pool {
  return new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
}

export async function call(
  pool: Pool,
  method: "GET" | "POST" | "PATCH",
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const res = await pool.request({
    method,
    path,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : null };
}
