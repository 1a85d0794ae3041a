import { Redis, type RedisOptions } from "ioredis";

/**
 * For code that enqueues (the API): a command fails quickly when Redis is away, so a
 * request answers with an error instead of hanging while commands pile up in memory.
 */
export function createProducerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 5_000,
    ...options,
  });
}

/**
 * For workers and queue-event listeners: BullMQ's blocking commands must wait out a Redis
 * restart rather than fail, which is what `maxRetriesPerRequest: null` means.
 */
export function createWorkerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...options });
}

/**
 * The prefix of every BullMQ key (and of our own Redis keys beside them). Tests give each
 * file its own prefix so that parallel files never see each other's jobs.
 */
export function queuePrefix(explicit?: string): string {
  return explicit ?? process.env.REDIS_PREFIX ?? "arbiter";
}
