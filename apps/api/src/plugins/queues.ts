import {
  createProducerConnection,
  createWorkerConnection,
  queuePrefix,
  type TQueueName,
} from "@arbiter/jobs";
import { Queue, QueueEvents } from "bullmq";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Redis } from "ioredis";

export type Queues = {
  /** The producer side of a queue, created on first use. */
  get: (name: TQueueName) => Queue;
  /** Completion events of a queue (for requests that wait on a job), created on first use. */
  events: (name: TQueueName) => Promise<QueueEvents>;
  prefix: string;
};

declare module "fastify" {
  interface FastifyInstance {
    queues: Queues;
  }
}

/**
 * BullMQ producers for the API. Connections open lazily: routes that never enqueue (the
 * annotation loop) keep working with Redis down, and enqueueing fails fast instead of hanging.
 */
export const queuesPlugin = fp(async (app: FastifyInstance) => {
  const prefix = queuePrefix(app.config.REDIS_PREFIX);
  let producer: Redis | undefined;
  const queues = new Map<TQueueName, Queue>();
  const events = new Map<TQueueName, Promise<QueueEvents>>();

  function get(name: TQueueName): Queue {
    let queue = queues.get(name);
    if (!queue) {
      producer ??= createProducerConnection(app.config.REDIS_URL);
      queue = new Queue(name, { connection: producer, prefix });
      queue.on("error", (err) => app.log.warn({ err, queue: name }, "queue connection error"));
      queues.set(name, queue);
    }
    return queue;
  }

  function eventsOf(name: TQueueName): Promise<QueueEvents> {
    let ready = events.get(name);
    if (!ready) {
      // QueueEvents blocks on a stream read, so it needs a connection of its own.
      const listener = new QueueEvents(name, {
        connection: createWorkerConnection(app.config.REDIS_URL),
        prefix,
      });
      listener.on("error", (err) => app.log.warn({ err, queue: name }, "queue events connection error"));
      ready = listener.waitUntilReady().then(() => listener);
      events.set(name, ready);
    }
    return ready;
  }

  app.decorate("queues", { get, events: eventsOf, prefix });
  app.addHook("onClose", async () => {
    await Promise.all([...events.values()].map(async (e) => (await e).close()));
    await Promise.all([...queues.values()].map((q) => q.close()));
    producer?.disconnect();
  });
});
