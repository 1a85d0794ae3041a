import { z } from "zod";

const ZRate = z.coerce.number().min(0).max(1);
const ZMillis = z.coerce.number().int().min(0).max(600_000);

export const GARBAGE_MODES = ["non-json", "truncated-sse", "wrong-schema"] as const;

/**
 * What goes wrong, and how often. Rates are shares of generation requests (they must add up
 * to at most 1); latency applies to every generation request before its outcome.
 */
const ZFaultFields = z.object({
  latencyMs: ZMillis,
  latencyJitterMs: ZMillis,
  tokenLatencyMs: ZMillis,
  rate429: ZRate,
  rate500: ZRate,
  rate503: ZRate,
  dropRate: ZRate,
  timeoutRate: ZRate,
  garbageRate: ZRate,
  garbageMode: z.enum(GARBAGE_MODES),
  retryAfterSeconds: z.coerce.number().int().min(0).max(3600),
});

export type TFaults = z.infer<typeof ZFaultFields>;
export type TFaultOptions = Partial<TFaults>;

export const NO_FAULTS: TFaults = {
  latencyMs: 0,
  latencyJitterMs: 0,
  tokenLatencyMs: 0,
  rate429: 0,
  rate500: 0,
  rate503: 0,
  dropRate: 0,
  timeoutRate: 0,
  garbageRate: 0,
  garbageMode: "non-json",
  retryAfterSeconds: 1,
};
export type TFaultKey = keyof TFaults;

/** One table for both spellings, so the env variables and request headers never drift apart. */
export const FAULT_FIELDS: readonly { key: TFaultKey; env: string; header: string }[] = [
  { key: "latencyMs", env: "MODEL_SERVER_FAULT_LATENCY_MS", header: "x-fault-latency-ms" },
  {
    key: "latencyJitterMs",
    env: "MODEL_SERVER_FAULT_LATENCY_JITTER_MS",
    header: "x-fault-latency-jitter-ms",
  },
  { key: "tokenLatencyMs", env: "MODEL_SERVER_FAULT_TOKEN_LATENCY_MS", header: "x-fault-token-latency-ms" },
  { key: "rate429", env: "MODEL_SERVER_FAULT_429_RATE", header: "x-fault-429-rate" },
  { key: "rate500", env: "MODEL_SERVER_FAULT_500_RATE", header: "x-fault-500-rate" },
  { key: "rate503", env: "MODEL_SERVER_FAULT_503_RATE", header: "x-fault-503-rate" },
  { key: "dropRate", env: "MODEL_SERVER_FAULT_DROP_RATE", header: "x-fault-drop-rate" },
  { key: "timeoutRate", env: "MODEL_SERVER_FAULT_TIMEOUT_RATE", header: "x-fault-timeout-rate" },
  { key: "garbageRate", env: "MODEL_SERVER_FAULT_GARBAGE_RATE", header: "x-fault-garbage-rate" },
  { key: "garbageMode", env: "MODEL_SERVER_FAULT_GARBAGE_MODE", header: "x-fault-garbage-mode" },
  { key: "retryAfterSeconds", env: "MODEL_SERVER_FAULT_RETRY_AFTER", header: "x-fault-retry-after" },
];

const RATE_KEYS = ["rate429", "rate500", "rate503", "dropRate", "timeoutRate", "garbageRate"] as const;

export function totalRate(faults: TFaults): number {
  return RATE_KEYS.reduce((sum, key) => sum + faults[key], 0);
}

export type TFaultProblem = { field: string; message: string };

/** Parses fault settings over `base`; `name` says how the caller spelled a key (option, env, header). */
export function parseFaults(
  input: Record<string, unknown>,
  base: TFaults,
  name: (key: TFaultKey) => string,
): { faults: TFaults } | { problem: TFaultProblem } {
  const parsed = ZFaultFields.partial().safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: { field: name(issue.path[0] as TFaultKey), message: issue.message } };
  }
  const faults: TFaults = { ...base, ...stripUndefined(parsed.data) };
  // A little slack for the decimal rates people write (0.3 + 0.7 is 1.0000000000000002).
  if (totalRate(faults) > 1 + 1e-9) {
    return { problem: { field: name("rate429"), message: "fault rates add up to more than 1" } };
  }
  return { faults };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Per-request overrides from `x-fault-*` headers, on top of the server's defaults. */
export function faultsFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  defaults: TFaults,
): { faults: TFaults } | { problem: TFaultProblem } {
  const input: Record<string, unknown> = {};
  for (const field of FAULT_FIELDS) {
    const value = headers[field.header];
    if (typeof value === "string") input[field.key] = value;
  }
  if (Object.keys(input).length === 0) return { faults: defaults };
  return parseFaults(input, defaults, (key) => FAULT_FIELDS.find((f) => f.key === key)?.header ?? key);
}
