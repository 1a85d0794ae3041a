import type { AddressInfo } from "node:net";
import { buildModelServer, DEFAULT_MODELS, resolveFaults } from "./app";
import type { TFaultOptions, TFaults } from "./faults/config";
import type { TFaultStats } from "./faults/inject";

export { buildModelServer, DEFAULT_MODELS } from "./app";
export { FAULT_FIELDS, GARBAGE_MODES, type TFaultOptions, type TFaults } from "./faults/config";
export type { TFaultStats } from "./faults/inject";

export type TModelServerOptions = {
  /** 0 (the default here) picks a free port. */
  port?: number;
  host?: string;
  models?: string[];
  faults?: TFaultOptions;
  logLevel?: string;
};

export type TRunningModelServer = {
  /** Base URL for OpenAI clients, ending in /v1 (e.g. http://127.0.0.1:41234/v1). */
  url: string;
  models: string[];
  /** Replaces the server-wide fault settings (unset fields return to none). */
  setFaults(faults: TFaultOptions): void;
  faults(): TFaults;
  /** Generation requests seen so far, by what the fault gate did with them. */
  stats(): TFaultStats;
  close(): Promise<void>;
};

/**
 * Starts the OpenAI-compatible stand-in in this process, for other packages' tests and
 * benchmarks. It samples public-domain text; it is not a language model.
 */
export async function startModelServer(options: TModelServerOptions = {}): Promise<TRunningModelServer> {
  const models = options.models ?? DEFAULT_MODELS;
  const { app, gate } = await buildModelServer({
    models,
    faults: options.faults,
    logLevel: options.logLevel,
  });
  const host = options.host ?? "127.0.0.1";
  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  const reachable =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${reachable}:${port}/v1`,
    models,
    setFaults: (faults) => {
      gate.defaults = resolveFaults(faults);
    },
    faults: () => gate.defaults,
    stats: () => ({ ...gate.stats }),
    close: () => app.close(),
  };
}
