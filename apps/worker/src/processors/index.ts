import { adaptiveProcessor } from "./adaptive";
import { arenaProcessor } from "./arena";
import { exportProcessor } from "./export";
import { generationProcessor } from "./generation";
import { maintenanceProcessor } from "./maintenance";
import type { ProcessorDefinition } from "./types";
import { webhookProcessor } from "./webhook";

export type { ProcessorDefinition, ProcessorInstance, WorkerDeps } from "./types";

/** Every queue this worker can consume; WORKER_QUEUES picks a subset per process. */
export const processors: ProcessorDefinition[] = [
  generationProcessor,
  exportProcessor,
  webhookProcessor,
  maintenanceProcessor,
  arenaProcessor,
  adaptiveProcessor,
];
