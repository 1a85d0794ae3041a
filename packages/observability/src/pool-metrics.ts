import { Gauge, type Registry } from "prom-client";

type PoolLike = { totalCount: number; idleCount: number; waitingCount: number };

/**
 * Connection use of the pg pools a process holds, read when scraped. Several pools can be
 * tracked at once (tests build many apps in one process); their counts add up.
 */
export function createPoolMetrics(registry: Registry) {
  const pools = new Set<PoolLike>();
  const sum = (pick: (p: PoolLike) => number) => [...pools].reduce((s, p) => s + pick(p), 0);
  new Gauge({
    name: "arbiter_db_pool_connections",
    help: "Connections of the Postgres pool, by state (in use = total - idle)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      this.set(
        { state: "total" },
        sum((p) => p.totalCount),
      );
      this.set(
        { state: "idle" },
        sum((p) => p.idleCount),
      );
    },
  });
  new Gauge({
    name: "arbiter_db_pool_waiting",
    help: "Queries waiting for a connection of the Postgres pool",
    registers: [registry],
    collect() {
      this.set(sum((p) => p.waitingCount));
    },
  });
  return {
    /** Counts this pool until the returned function is called (when it is closed). */
    track(pool: PoolLike): () => void {
      pools.add(pool);
      return () => pools.delete(pool);
    },
  };
}
