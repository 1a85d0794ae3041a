import { APIConnectionError, APIError } from "openai";

/**
 * A failed call to a model server, classified once here so the processor only asks
 * "retry or not". Retryable: 408/409/429/5xx, timeouts and dropped connections.
 * Not retryable: other 4xx (the request itself is wrong) and well-formed answers of the
 * wrong shape (asking again gets the same answer).
 */
export class InferenceError extends Error {
  override name = "InferenceError";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
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

export function classifyInferenceError(err: unknown): InferenceError {
  if (err instanceof InferenceError) return err;
  if (err instanceof APIConnectionError) {
    return new InferenceError(`model server unreachable: ${err.message}`, true);
  }
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const retryable = status >= 500 || RETRYABLE_STATUS.has(status);
    return new InferenceError(
      `model server answered ${err.message}`,
      retryable,
      status,
      retryAfterMs(err.headers),
    );
  }
  // Anything else (a body cut off mid-way, a parse failure of a truncated stream) may not
  // happen twice.
  const message = err instanceof Error ? err.message : String(err);
  return new InferenceError(`model server request failed: ${message}`, true);
}
