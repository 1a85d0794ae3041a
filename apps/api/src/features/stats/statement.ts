import { withTransaction } from "@arbiter/db";
import type pg from "pg";

/**
 * Runs one statistics statement with settings for a large read: enough memory that the
 * per-item aggregation does not spill to disk, and no JIT. The planner's row estimates
 * for jsonb set-returning functions are far too high, which switched JIT on: compiling
 * took 0.8 s of a 1.3 s aspect query.
 */
export function statsQuery<R extends pg.QueryResultRow>(pool: pg.Pool, sql: string, params: unknown[]) {
  return withTransaction(pool, async (client) => {
    await client.query("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off");
    return client.query<R>(sql, params);
  });
}
