import type { Db } from "@arbiter/db";
import type { TQueueName, TResolver } from "@arbiter/jobs";
import type { Processor, WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { TWorkerEnv } from "../env";

/** What every processor may use; built once per process by `startWorkers`. */
export type WorkerDeps = {
  env: TWorkerEnv;
  db: Db;
  /** A non-blocking connection for processors' own commands and for enqueueing follow-up jobs. */
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** The resolver under generators' address checks; tests give their own, the system's otherwise. */
  resolve?: TResolver;
};

export type ProcessorInstance = {
  process: Processor;
  /** Concurrency, limiter and the like for this queue's BullMQ worker. */
  options?: Partial<WorkerOptions>;
  /** Releases what `create` opened (queues, clients), after the worker has drained. */
  close?: () => Promise<void>;
};

export type ProcessorDefinition = {
  queue: TQueueName;
  create: (deps: WorkerDeps) => ProcessorInstance;
};
