import type { Db } from "@arbiter/db";
import { enqueueReestimate, REESTIMATE_DEBOUNCE_MS } from "@arbiter/jobs";
import type { FastifyBaseLogger } from "fastify";
import type { Queues } from "../../plugins/queues";

/**
 * After an answer, asks the worker to refit an adaptive project (dynamic overlap or a
 * non-uniform selection), off the request: the call is never awaited, so an answer is never
 * slower nor refused because of Redis. Each API process asks at most once per project per
 * debounce window and has one ask in flight per project (BullMQ waits for a Redis that is
 * away); the job itself is deduplicated across processes. Anything missed here, the worker's
 * scheduled sweep catches.
 */
export function refitAsker(db: Db, queues: Queues, log: FastifyBaseLogger): (projectId: string) => void {
  const askedAt = new Map<string, number>();
  const inFlight = new Set<string>();

  async function ask(projectId: string) {
    const { rows } = await db.pool.query<{ adaptive: boolean }>(
      "SELECT overlap_min IS NOT NULL OR selection <> 'uniform' AS adaptive FROM projects WHERE id = $1",
      [projectId],
    );
    if (rows[0]?.adaptive) await enqueueReestimate(queues.get("adaptive"), projectId);
  }

  return (projectId) => {
    const now = Date.now();
    if (inFlight.has(projectId) || now - (askedAt.get(projectId) ?? 0) < REESTIMATE_DEBOUNCE_MS) return;
    if (askedAt.size > 10_000) askedAt.clear();
    askedAt.set(projectId, now);
    inFlight.add(projectId);
    ask(projectId)
      .catch((err) => log.warn({ err, projectId }, "could not ask for an adaptive refit"))
      .finally(() => inFlight.delete(projectId));
  };
}
