import { EgressDeniedError } from "@arbiter/jobs";
import { GENERATOR_FAILURES, type TGeneratorFailure } from "@arbiter/shared";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";

/**
 * A failed call to a model server, classified once here so the processor only asks
 * "retry or not". Retryable: 408/409/429/5xx, timeouts and dropped connections.
 * Not retryable: other 4xx (the request itself is wrong), redirects, refused addresses,
 * unreadable keys, and well-formed answers of the wrong shape (asking again gets the same).
 *
 * The message is the failure class and its fixed text, with the HTTP status: never what the
 * server said. It is stored on samples and shown to researchers, and a base URL may point at
 * a service that is not a model server at all.
 */
export class InferenceError extends Error {
  override name = "InferenceError";
  readonly kind: TGeneratorFailure;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
  constructor(
    kind: TGeneratorFailure,
    retryable: boolean,
    options: { status?: number; retryAfterMs?: number; detail?: string } = {},
  ) {
    const status = options.status === undefined ? "" : ` (HTTP ${options.status})`;
    super(`${kind}${status}: ${options.detail ?? GENERATOR_FAILURES[kind]}`);
    this.kind = kind;
    this.retryable = retryable;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429]);

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function kindOfStatus(status: number): TGeneratorFailure {
  if (status >= 300 && status < 400) return "redirect";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "bad_request";
}

/** The egress refusal somewhere down an error's causes (undici wraps the connector's error). */
export function egressDenial(err: unknown): EgressDeniedError | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    if (e instanceof EgressDeniedError) return e;
    if ((e as { code?: unknown }).code === "EGRESS_DENIED") return e as EgressDeniedError;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

export function classifyInferenceError(err: unknown): InferenceError {
  if (err instanceof InferenceError) return err;
  if (egressDenial(err)) return new InferenceError("egress_denied", false);
  if (err instanceof APIConnectionTimeoutError) return new InferenceError("timeout", true);
  if (err instanceof APIConnectionError) return new InferenceError("unreachable", true);
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const kind = kindOfStatus(status);
    const retryable = status >= 500 || RETRYABLE_STATUS.has(status);
    const after = retryable ? retryAfterMs(err.headers) : undefined;
    return new InferenceError(kind, retryable, {
      status,
      ...(after === undefined ? {} : { retryAfterMs: after }),
    });
  }
  // Anything else (a body cut off mid-way, JSON that does not parse) may not happen twice.
  return new InferenceError("bad_response", true, {
    detail: "the model server's answer could not be read (not JSON, or cut off).",
  });
}
