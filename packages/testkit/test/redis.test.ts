import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { clearRedisPrefix, createDedicatedRedis, startDedicatedRedis, type TDedicatedRedis } from "../src";

let server: TDedicatedRedis | undefined;
afterEach(async () => {
  await server?.destroy();
  server = undefined;
});

async function withClient<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

describe("a dedicated Redis", () => {
  it("persistent: keeps what it acknowledged across a kill -9", async () => {
    server = await startDedicatedRedis();
    await withClient(server.url, (r) => r.set("kept", "yes"));
    await server.kill();
    await server.start();
    expect(await withClient(server.url, (r) => r.get("kept"))).toBe("yes");
  });

  it("not persistent: reserves its port before it starts and comes back empty", async () => {
    server = await createDedicatedRedis({ persistent: false });
    await expect(withClient(server.url, (r) => r.ping())).rejects.toThrow();
    await server.start();
    await withClient(server.url, (r) => r.set("lost", "yes"));
    await server.kill();
    await server.start();
    expect(await withClient(server.url, (r) => r.get("lost"))).toBeNull();
  });

  it("clearRedisPrefix removes the prefix's keys and nothing else", async () => {
    server = await startDedicatedRedis({ persistent: false });
    await withClient(server.url, async (r) => {
      await r.mset("run-a:queue:1", "x", "run-a:lock", "x", "run-ab:queue:1", "x", "other", "x");
    });
    await clearRedisPrefix(server.url, "run-a");
    expect((await withClient(server.url, (r) => r.keys("*"))).sort()).toEqual(["other", "run-ab:queue:1"]);
  });
});
