import type { OutgoingHttpHeaders } from "node:http";
import type { Db } from "@arbiter/db";
import { battleStreamKey, createWorkerConnection } from "@arbiter/jobs";
import type { FastifyReply, FastifyRequest } from "fastify";

export type BattleEventsOptions = {
  redisUrl: string;
  prefix: string;
  /** How long one XREAD blocks; a comment line keeps the connection alive between reads. */
  blockMs: number;
};

type XReadReply = [string, [string, string[]][]][] | null;

const TERMINAL = new Set(["FAILED", "CLOSED"]);

function fieldsOf(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

/**
 * Relays a battle's Redis Stream to the browser as Server-Sent Events. Each event's id is
 * the stream entry's id, so a reconnecting EventSource (Last-Event-ID) continues exactly after
 * the last event it received: nothing lost, nothing twice. Each client reads on a connection of
 * its own (XREAD BLOCK holds it), closed when the client goes away. The response ends when the
 * battle has ended and every event was sent.
 */
export async function streamBattleEvents(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  battleId: string,
  lastEventId: string | undefined,
  options: BattleEventsOptions,
): Promise<void> {
  const key = battleStreamKey(options.prefix, battleId);
  const reader = createWorkerConnection(options.redisUrl, { lazyConnect: true });
  reader.on("error", (err) => request.log.debug({ err }, "battle event reader connection error"));
  let open = true;
  const stop = () => {
    open = false;
    reader.disconnect();
  };
  // Headers the plugins set (security headers, request id) go out with the stream as well.
  const set = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
  reply.hijack();
  const raw = reply.raw;
  // The response's close, not the request's: a GET's request stream closes once it is read.
  raw.on("close", stop);
  raw.writeHead(200, {
    ...(Object.fromEntries(set) as OutgoingHttpHeaders),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no",
    connection: "keep-alive",
  });
  raw.write("retry: 1000\n\n");
  let cursor = lastEventId ?? "0";
  // Set once the battle has ended: one more read without blocking takes what the worker wrote
  // just before it recorded the end, then the response closes.
  let draining = false;
  try {
    await reader.connect();
    while (open) {
      const batch: XReadReply = draining
        ? await reader.xread("COUNT", 500, "STREAMS", key, cursor)
        : await reader.xread("COUNT", 500, "BLOCK", options.blockMs, "STREAMS", key, cursor);
      const entries = batch?.[0]?.[1] ?? [];
      if (entries.length === 0) {
        if (draining) break;
        const { rows } = await db.pool.query<{ status: string }>("SELECT status FROM battles WHERE id = $1", [
          battleId,
        ]);
        draining = !rows[0] || TERMINAL.has(rows[0].status);
        if (!draining) raw.write(": keep-alive\n\n");
        continue;
      }
      let chunk = "";
      for (const [id, list] of entries) {
        const { type, data } = fieldsOf(list);
        chunk += `id: ${id}\nevent: ${type}\ndata: ${data}\n\n`;
        cursor = id;
      }
      if (!raw.write(chunk)) {
        await new Promise((resolve) => {
          raw.once("drain", resolve);
          raw.once("close", resolve);
        });
      }
    }
  } catch (err) {
    if (open) request.log.warn({ err, battleId }, "battle event stream stopped");
  } finally {
    raw.off("close", stop);
    reader.disconnect();
    raw.end();
  }
}
