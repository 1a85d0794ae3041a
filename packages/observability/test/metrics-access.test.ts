import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { bearerMatches } from "../src/metrics-access";
import { createPoolMetrics } from "../src/pool-metrics";

const TOKEN = "metrics-token-0123456789";

describe("the metrics token", () => {
  it("is accepted only as the exact Bearer value", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer  ${TOKEN}`, TOKEN)).toBe(true);
    for (const header of [
      undefined,
      "",
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      "Bearer ",
    ])
      expect(bearerMatches(header, TOKEN)).toBe(false);
  });
});

describe("pool metrics", () => {
  it("add up the tracked pools until they are untracked", async () => {
    const registry = new Registry();
    const pools = createPoolMetrics(registry);
    const stopA = pools.track({ totalCount: 3, idleCount: 1, waitingCount: 0 });
    pools.track({ totalCount: 2, idleCount: 2, waitingCount: 4 });
    const read = async () => (await registry.getMetricsAsJSON()).flatMap((m) => m.values.map((v) => v.value));
    expect(await read()).toEqual([5, 3, 4]);
    stopA();
    expect(await read()).toEqual([2, 2, 4]);
  });
});
