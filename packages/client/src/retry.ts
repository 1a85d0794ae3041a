export type RetryOptions = {
  /** Attempts after the first; 0 turns retrying off. Default 3. */
  retries?: number;
  /** First backoff; doubles each attempt, with full jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included; a longer Retry-After ends retrying. Default 30 s. */
  maxDelayMs?: number;
};

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * A fetch that retries network errors, 5xx and 429 (waiting what Retry-After says), but only
 * for requests a second delivery cannot duplicate: idempotent methods, and POSTs carrying an
 * Idempotency-Key (the API stores such a request once, however often it arrives).
 */
export function retryingFetch(
  options: RetryOptions = {},
  fetchImpl: (request: Request) => Promise<Response> = globalThis.fetch,
): (request: Request) => Promise<Response> {
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 30_000;

  return async (request) => {
    const retryable = IDEMPOTENT_METHODS.has(request.method) || request.headers.has("idempotency-key");
    for (let attempt = 0; ; attempt += 1) {
      const last = !retryable || attempt >= retries || request.signal.aborted;
      // The original stays unread so that every attempt can send the same body again.
      const sent = last ? request : request.clone();
      let response: Response;
      try {
        response = await fetchImpl(sent);
      } catch (err) {
        if (last || request.signal.aborted) throw err;
        await sleep(backoff(attempt, baseDelayMs, maxDelayMs), request.signal);
        continue;
      }
      if (last || !(response.status >= 500 || response.status === 429)) return response;
      const wait =
        retryAfterMs(response.headers.get("retry-after")) ?? backoff(attempt, baseDelayMs, maxDelayMs);
      if (wait > maxDelayMs) return response;
      await response.body?.cancel();
      await sleep(wait, request.signal);
    }
  };
}

function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
