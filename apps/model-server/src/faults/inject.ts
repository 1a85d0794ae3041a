import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { invalidRequest, OpenAiError } from "../openai-error";
import { faultsFromHeaders, type TFaults } from "./config";

export type TOutcome = "ok" | "status429" | "status500" | "status503" | "dropped" | "timedOut" | "garbage";
export type TFaultStats = Record<TOutcome, number>;

/** What the handler still has to honour after the gate: slow streaming, or a garbage reply. */
export type TRequestFault = { tokenLatencyMs: number; garbage: TFaults["garbageMode"] | null };

declare module "fastify" {
  interface FastifyRequest {
    fault: TRequestFault;
  }
  interface FastifyContextConfig {
    generation?: boolean;
  }
}

// A hung request is released when the client gives up, the server closes, or after this long.
const LONGEST_HANG_MS = 10 * 60_000;

export function rollOutcome(faults: TFaults, roll: number): TOutcome {
  const shares: [TOutcome, number][] = [
    ["status429", faults.rate429],
    ["status500", faults.rate500],
    ["status503", faults.rate503],
    ["dropped", faults.dropRate],
    ["timedOut", faults.timeoutRate],
    ["garbage", faults.garbageRate],
  ];
  let edge = 0;
  for (const [outcome, share] of shares) {
    edge += share;
    if (roll < edge) return outcome;
  }
  return "ok";
}

export class FaultGate {
  readonly stats: TFaultStats = {
    ok: 0,
    status429: 0,
    status500: 0,
    status503: 0,
    dropped: 0,
    timedOut: 0,
    garbage: 0,
  };
  private readonly hanging = new Set<Socket>();

  constructor(public defaults: TFaults) {}

  /** Runs before every generation request: delay, then maybe fail it the configured way. */
  async apply(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const resolved = faultsFromHeaders(request.headers, this.defaults);
    if ("problem" in resolved) {
      throw invalidRequest(resolved.problem.message, resolved.problem.field, "invalid_fault_header");
    }
    const { faults } = resolved;
    const latency = faults.latencyMs + Math.round(Math.random() * faults.latencyJitterMs);
    if (latency > 0) {
      reply.header("x-fault-latency-applied-ms", String(latency));
      await sleep(latency);
    }
    const outcome = rollOutcome(faults, Math.random());
    this.stats[outcome] += 1;
    request.fault = { tokenLatencyMs: faults.tokenLatencyMs, garbage: null };
    switch (outcome) {
      case "ok":
        return undefined;
      case "garbage":
        request.fault.garbage = faults.garbageMode;
        return undefined;
      case "status429":
        reply.header("retry-after", String(faults.retryAfterSeconds));
        return this.fail(
          reply,
          429,
          "rate limit reached (fault injected by the stand-in)",
          "rate_limit_exceeded",
        );
      case "status500":
        return this.fail(reply, 500, "internal error (fault injected by the stand-in)", "server_error");
      case "status503":
        return this.fail(
          reply,
          503,
          "server overloaded (fault injected by the stand-in)",
          "service_unavailable",
        );
      case "dropped":
        request.raw.socket.destroy();
        return reply.hijack();
      case "timedOut":
        this.hang(request.raw.socket);
        return reply.hijack();
    }
  }

  private fail(reply: FastifyReply, status: number, message: string, code: string) {
    const type = status === 429 ? "rate_limit_error" : "server_error";
    return reply.status(status).send(new OpenAiError(status, message, type, null, code).body());
  }

  private hang(socket: Socket) {
    this.hanging.add(socket);
    const release = setTimeout(() => socket.destroy(), LONGEST_HANG_MS).unref();
    socket.once("close", () => {
      clearTimeout(release);
      this.hanging.delete(socket);
    });
  }

  /** Hung sockets would keep the server from closing; end them first. */
  releaseAll() {
    for (const socket of this.hanging) socket.destroy();
    this.hanging.clear();
  }
}

export function registerFaultGate(app: FastifyInstance, gate: FaultGate) {
  app.decorateRequest("fault", null as unknown as TRequestFault);
  app.addHook("preHandler", async (request, reply) => {
    if (request.routeOptions.config.generation) return gate.apply(request, reply);
    return undefined;
  });
  app.addHook("preClose", async () => gate.releaseAll());
}
