import type { OutgoingHttpHeaders } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyReply, FastifyRequest } from "fastify";

export type TChoice = { index: number; text: string; finishReason: "stop" | "length" };
export type TUsage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };
export type TResult = {
  kind: "chat" | "completion";
  id: string;
  created: number;
  model: string;
  choices: TChoice[];
  usage: TUsage;
};

export function resultBody(result: TResult) {
  const { id, created, model, usage } = result;
  if (result.kind === "chat") {
    const choices = result.choices.map((c) => ({
      index: c.index,
      message: { role: "assistant", content: c.text },
      logprobs: null,
      finish_reason: c.finishReason,
    }));
    return { id, object: "chat.completion", created, model, choices, usage };
  }
  const choices = result.choices.map((c) => ({
    index: c.index,
    text: c.text,
    logprobs: null,
    finish_reason: c.finishReason,
  }));
  return { id, object: "text_completion", created, model, choices, usage };
}

/** Token-sized pieces with their leading space, the way a server streams them. */
function pieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** The SSE events of a result: per choice a role chunk (chat), pieces interleaved, a finish chunk. */
export function streamEvents(result: TResult, includeUsage: boolean): object[] {
  const { id, created, model } = result;
  const object = result.kind === "chat" ? "chat.completion.chunk" : "text_completion";
  const usage = includeUsage ? { usage: null } : {};
  const chunk = (index: number, content: string | null, finish: string | null, role?: string) => {
    const choice =
      result.kind === "chat"
        ? { index, delta: content === null ? {} : { ...(role ? { role } : {}), content }, logprobs: null }
        : { index, text: content ?? "", logprobs: null };
    return { id, object, created, model, choices: [{ ...choice, finish_reason: finish }], ...usage };
  };
  const events: object[] = [];
  if (result.kind === "chat")
    for (const c of result.choices) events.push(chunk(c.index, "", null, "assistant"));
  const split = result.choices.map((c) => pieces(c.text));
  const longest = Math.max(0, ...split.map((p) => p.length));
  for (let i = 0; i < longest; i++) {
    result.choices.forEach((c, k) => {
      const piece = split[k]![i];
      if (piece !== undefined) events.push(chunk(c.index, piece, null));
    });
  }
  for (const c of result.choices) events.push(chunk(c.index, null, c.finishReason));
  if (includeUsage) events.push({ id, object, created, model, choices: [], usage: result.usage });
  return events;
}

/** A plausible-looking reply missing what clients rely on (`choices`). */
function wrongSchema(event: Record<string, unknown>): object {
  const { choices, ...rest } = event;
  return { ...rest, output: JSON.stringify(choices) };
}

export async function sendResult(
  request: FastifyRequest,
  reply: FastifyReply,
  result: TResult,
  stream: { includeUsage: boolean } | null,
) {
  const garbage = request.fault?.garbage ?? null;
  if (stream) return sendStream(request, reply, streamEvents(result, stream.includeUsage));
  const body = resultBody(result);
  if (garbage === "non-json")
    return reply.type("application/json").send("<html><body>502 Bad Gateway</body></html>");
  if (garbage === "wrong-schema") return reply.send(wrongSchema(body));
  if (garbage === "truncated-sse") {
    const json = JSON.stringify(body);
    return reply.type("application/json").send(json.slice(0, Math.floor(json.length / 2)));
  }
  return reply.send(body);
}

async function sendStream(request: FastifyRequest, reply: FastifyReply, events: object[]) {
  const { garbage, tokenLatencyMs } = request.fault ?? { garbage: null, tokenLatencyMs: 0 };
  reply.hijack();
  const raw = reply.raw;
  const set = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
  raw.writeHead(200, {
    ...(Object.fromEntries(set) as OutgoingHttpHeaders),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const cutAt = garbage === "truncated-sse" ? Math.max(1, Math.floor(events.length / 2)) : events.length;
  for (const [i, event] of events.slice(0, cutAt).entries()) {
    if (raw.destroyed) return;
    if (i > 0 && tokenLatencyMs > 0) await sleep(tokenLatencyMs);
    const data =
      garbage === "non-json"
        ? "<html><body>502 Bad Gateway</body></html>"
        : JSON.stringify(garbage === "wrong-schema" ? wrongSchema(event as Record<string, unknown>) : event);
    raw.write(`data: ${data}\n\n`);
  }
  // Truncated: half the events, then half an event, and the stream ends without [DONE].
  raw.end(garbage === "truncated-sse" ? 'data: {"id":"' : "data: [DONE]\n\n");
}
