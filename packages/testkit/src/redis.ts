import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./ports";
import { spawnProcess, type TProcess } from "./processes";
import { waitFor } from "./wait";

/**
 * A redis-server of the test's own on a free port, so that stopping it touches nobody else
 * (the shared Redis serves every other suite).
 */
export type TDedicatedRedis = {
  port: number;
  url: string;
  /** Starts it (again); resolves once it answers PING. */
  start: () => Promise<void>;
  /** A crash as far as clients are concerned: SIGKILL, connections drop without a goodbye. */
  kill: () => Promise<void>;
  /** Kills it and removes its data folder. */
  destroy: () => Promise<void>;
  /** The server's log of its current (or last) run. */
  output: () => string;
};

export type TDedicatedRedisOptions = {
  /**
   * true (the default): like production, an append-only file fsynced on every write, so a
   * kill loses nothing acknowledged and a restart comes back with the data as it was.
   * false: nothing is kept, so a restart comes back empty (a Redis that lost every job).
   */
  persistent?: boolean;
};

/** Reserves a port and a data folder; nothing listens until `start()`. */
export async function createDedicatedRedis(opts: TDedicatedRedisOptions = {}): Promise<TDedicatedRedis> {
  const persistent = opts.persistent ?? true;
  const dir = mkdtempSync(path.join(tmpdir(), "arbiter-redis-"));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: TProcess | undefined;

  async function kill() {
    await server?.kill("SIGKILL");
  }

  async function start() {
    await kill();
    const proc = spawnProcess(
      "redis-server",
      [
        ...["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""],
        ...(persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]),
      ],
      { name: `redis-server :${port}`, keepChars: 20_000 },
    );
    server = proc;
    await waitFor(() => answersPing(url), {
      what: `redis-server on ${port}`,
      timeoutMs: 20_000,
      process: proc,
    });
  }

  return {
    port,
    url,
    start,
    kill,
    destroy: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    output: () => server?.output() ?? "",
  };
}

/** A dedicated Redis, already answering. */
export async function startDedicatedRedis(opts: TDedicatedRedisOptions = {}): Promise<TDedicatedRedis> {
  const redis = await createDedicatedRedis(opts);
  await redis.start();
  return redis;
}

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // A refused connection is the expected answer until the server is up.
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key under `prefix:` (a test run's queues, locks and limiter state). */
export async function clearRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // Failures reach the caller through the commands; the events would only repeat them.
  redis.on("error", () => {});
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
