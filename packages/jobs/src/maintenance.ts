import { type ConnectionOptions, Queue } from "bullmq";
import { defaultJobOptions, QUEUES } from "./queues";

/** Periodic housekeeping, each run by one worker replica per tick (BullMQ job schedulers). */
export const MAINTENANCE_JOBS = { crowdRetention: "crowd-retention" } as const;

export function createMaintenanceQueue(connection: ConnectionOptions, options: { prefix: string }): Queue {
  return new Queue(QUEUES.maintenance, {
    connection,
    prefix: options.prefix,
    // A missed tick is made up by the next one: no retries piling up behind the schedule.
    defaultJobOptions: defaultJobOptions({ attempts: 1 }),
  });
}
