import { randomUUID } from "node:crypto";
import { backdateAssignment, freePort, type TProcess, waitForHttp } from "@arbiter/testkit";
import { expect } from "vitest";
import { createPool, createProject } from "./annotation";
import { bearer, type Harness, type TestUser } from "./harness";
import { spawnApp } from "./processes";

export type SseEvent = { id: string; type: string; data: Record<string, unknown> };

/**
 * Reads a battle's Server-Sent Events over real HTTP as an EventSource would, until `stop`
 * says so (or the server ends the response). `lastEventId` resumes like a reconnecting
 * EventSource (the Last-Event-ID header).
 */
export async function readEvents(
  baseUrl: string,
  battleId: string,
  user: TestUser,
  opts: { lastEventId?: string; stop?: (events: SseEvent[]) => boolean; timeoutMs?: number } = {},
): Promise<SseEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 30_000);
  const events: SseEvent[] = [];
  try {
    const res = await fetch(`${baseUrl}/api/v1/battles/${battleId}/events`, {
      headers: {
        ...bearer(user),
        accept: "text/event-stream",
        ...(opts.lastEventId ? { "last-event-id": opts.lastEventId } : {}),
      },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const bytes of res.body!) {
      buffer += decoder.decode(bytes as Uint8Array, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((l) => l && !l.startsWith(":"))
            .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]),
        );
        if (fields.event) events.push({ id: fields.id!, type: fields.event, data: JSON.parse(fields.data!) });
      }
      if (opts.stop?.(events)) break;
    }
  } catch (err) {
    if (!abort.signal.aborted) throw err;
    throw new Error(`no end of the event stream within the timeout; got ${JSON.stringify(events.slice(-3))}`);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return events;
}

/** Both sides ended (done or error) in `turn`, and `ready` came when both answered. */
export const turnEnded =
  (turn: number) =>
  (events: SseEvent[]): boolean => {
    const ended = events.filter((e) => e.data.turn === turn && (e.type === "done" || e.type === "error"));
    if (ended.length < 2) return false;
    return (
      ended.some((e) => e.type === "error") || events.some((e) => e.type === "ready" && e.data.turn === turn)
    );
  };

/** The text each side streamed in a turn. */
export function textsOf(events: SseEvent[], turn: number): { A: string; B: string } {
  const text = (side: string) =>
    events
      .filter((e) => e.type === "token" && e.data.turn === turn && e.data.side === side)
      .map((e) => e.data.text as string)
      .join("");
  return { A: text("A"), B: text("B") };
}

/** A stand-in model server as its own process, with fault settings (MODEL_SERVER_FAULT_*). */
export async function startModelServer(models: string, faults: Record<string, string> = {}) {
  const port = await freePort();
  const server: TProcess = spawnApp("model-server", "src/server.ts", {
    MODEL_SERVER_PORT: String(port),
    MODEL_SERVER_MODELS: models,
    LOG_LEVEL: "warn",
    ...faults,
  });
  const url = `http://127.0.0.1:${port}/v1`;
  await waitForHttp(`${url}/models`, { process: server, timeoutMs: 120_000 });
  return { process: server, url, host: `127.0.0.1:${port}` };
}

/**
 * The real worker as its own process, consuming only the arena queue, against the test
 * file's database and Redis prefix; `env` adds to (or replaces) the defaults.
 */
export function startArenaWorker(
  h: Harness,
  prefix: string,
  allowedHosts: string,
  env: Record<string, string> = {},
): TProcess {
  return spawnApp("worker", "src/index.ts", {
    DATABASE_URL: h.db.url,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_PREFIX: prefix,
    WORKER_HEALTH_PORT: "0",
    WORKER_QUEUES: "arena",
    LOG_LEVEL: "warn",
    GENERATOR_ALLOWED_HOSTS: allowedHosts,
    ...env,
  });
}

/** An arena project owned by `researcher`, its pool holding `annotators`, with these generators. */
export async function arenaProject(
  h: Harness,
  researcher: TestUser,
  annotators: TestUser[],
  generators: { name: string; baseUrl: string; model: string; params?: object }[],
  arena: Record<string, unknown> = {},
): Promise<string> {
  const admin = await h.user("ADMIN");
  const poolId = await createPool(h, admin, annotators, [researcher]);
  const id = await createProject(h, researcher, {
    name: `Arena ${randomUUID().slice(0, 6)}`,
    mode: "arena",
    questions: { strength: false },
    poolIds: [poolId],
    arena,
  });
  for (const g of generators) {
    const res = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/generators`,
      headers: bearer(researcher),
      payload: { params: { max_tokens: 40, temperature: 0.7, seed: 7 }, ...g },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return id;
}

export async function startBattle(h: Harness, user: TestUser, projectId: string, prompt?: string) {
  return h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/battles`,
    headers: bearer(user),
    payload: prompt === undefined ? {} : { prompt },
  });
}

export async function vote(
  h: Harness,
  user: TestUser,
  battleId: string,
  body: Record<string, unknown>,
  key = randomUUID(),
) {
  // The server keeps the smaller of durationMs and the time since the turn's hand-out, so the
  // 20 s of reading claimed below is made true; instant answers would be left out as too fast.
  const { rows } = await h.db.pool.query<{ assignment_id: string }>(
    "SELECT assignment_id FROM battle_turns WHERE battle_id = $1::uuid",
    [battleId],
  );
  for (const r of rows) await backdateAssignment(h.db.pool, r.assignment_id, 20_000);
  return h.app.inject({
    method: "POST",
    url: `/api/v1/battles/${battleId}/vote`,
    headers: { ...bearer(user), "idempotency-key": key },
    payload: { durationMs: 20_000, ...body },
  });
}
