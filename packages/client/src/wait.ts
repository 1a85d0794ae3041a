import type { ArbiterClient } from "./create-arbiter";
import { unwrap } from "./errors";
import type { paths } from "./schema";

type Json<Op> = Op extends { responses: { 200: { content: { "application/json": infer D } } } } ? D : never;
export type Export = Json<paths["/api/v1/exports/{id}"]["get"]>["export"];
export type GenerationRun = Json<paths["/api/v1/projects/{id}/generation-runs/{rid}"]["get"]>["run"];

export type WaitOptions<T> = {
  /** Called with every state read, the first one included (progress bars draw from it). */
  onProgress?: (state: T) => void;
  /** Between reads. Default 1000 ms. */
  intervalMs?: number;
  /** Stops waiting (rejects with the signal's reason); the job itself goes on. */
  signal?: AbortSignal;
};

const FINISHED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export function pollers(client: ArbiterClient) {
  return {
    /**
     * Polls an export until it has finished and resolves with it, whatever the outcome: check
     * `status` (SUCCEEDED, FAILED with `error`, CANCELLED). `progress` runs from 0 to 1.
     */
    waitForExport(exportId: string, options: WaitOptions<Export> = {}): Promise<Export> {
      return poll(async () => {
        const res = await client.GET("/api/v1/exports/{id}", { params: { path: { id: exportId } } });
        return unwrap(res).export;
      }, options);
    },
    /**
     * Polls a generation run until it has finished and resolves with it, whatever the outcome;
     * `done`, `failed` and `cancelled` out of `total` give its progress.
     */
    waitForRun(
      projectId: string,
      runId: string,
      options: WaitOptions<GenerationRun> = {},
    ): Promise<GenerationRun> {
      return poll(async () => {
        const res = await client.GET("/api/v1/projects/{id}/generation-runs/{rid}", {
          params: { path: { id: projectId, rid: runId } },
        });
        return unwrap(res).run;
      }, options);
    },
  };
}

async function poll<T extends { status: string }>(
  read: () => Promise<T>,
  options: WaitOptions<T>,
): Promise<T> {
  for (;;) {
    options.signal?.throwIfAborted();
    const state = await read();
    options.onProgress?.(state);
    if (FINISHED.has(state.status)) return state;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
}
