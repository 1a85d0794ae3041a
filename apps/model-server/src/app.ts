import Fastify, { type FastifyInstance, LogController } from "fastify";
import { NO_FAULTS, parseFaults, type TFaultOptions, type TFaults } from "./faults/config";
import { FaultGate, registerFaultGate } from "./faults/inject";
import { registerOpenAiErrors } from "./openai-error";
import { chatRoutes } from "./routes/chat";
import { completionRoutes } from "./routes/completions";
import { modelRoutes } from "./routes/models";

export const DEFAULT_MODELS = ["arbiter-small", "arbiter-large"];

export type TModelServerConfig = {
  models?: string[];
  faults?: TFaultOptions;
  /** pino level; the stand-in logs nothing per request unless asked. */
  logLevel?: string;
};

/** Checks fault settings given in code, naming the bad field the way a caller wrote it. */
export function resolveFaults(faults: TFaultOptions | undefined, base: TFaults = NO_FAULTS): TFaults {
  const parsed = parseFaults(faults ?? {}, base, (key) => `faults.${key}`);
  if ("problem" in parsed) throw new Error(`${parsed.problem.field}: ${parsed.problem.message}`);
  return parsed.faults;
}

export async function buildModelServer(
  config: TModelServerConfig = {},
): Promise<{ app: FastifyInstance; gate: FaultGate }> {
  const models = config.models ?? DEFAULT_MODELS;
  if (models.length === 0 || models.some((m) => !m.trim())) throw new Error("models: give at least one name");
  const gate = new FaultGate(resolveFaults(config.faults));
  const app = Fastify({
    logger: { level: config.logLevel ?? "silent" },
    logController: new LogController({
      disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace",
    }),
    // Long conversations and prompt lists fit; this is a test double, not an edge server.
    bodyLimit: 16 * 1024 * 1024,
    // Injected delays outlive the clients that gave up on them; closing must not wait for them.
    forceCloseConnections: true,
  });
  registerOpenAiErrors(app);
  registerFaultGate(app, gate);
  const startedAt = Math.floor(Date.now() / 1000);
  await app.register(modelRoutes, { models, startedAt });
  await app.register(chatRoutes, { models });
  await app.register(completionRoutes, { models });
  return { app, gate };
}
