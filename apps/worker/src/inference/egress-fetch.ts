import {
  createVettedLookup,
  effectivePort,
  isAllowedHost,
  type TEgressPolicy,
  type TResolver,
  vetLiteralHost,
} from "@arbiter/jobs";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";

/**
 * Headers a request to a model server may carry; everything else the SDK adds is dropped.
 * The openai SDK copies some variables of the process into headers (OPENAI_ORG_ID,
 * OPENAI_PROJECT_ID, OPENAI_CUSTOM_HEADERS...), and the worker's environment holds secrets:
 * only what is listed here ever leaves.
 */
const SENT_HEADERS = new Set(["authorization", "content-type", "accept", "idempotency-key"]);

export type TEgressFetchOptions = {
  policy: TEgressPolicy;
  /** Tests put their own resolver under the address checks. */
  resolve?: TResolver;
  connectTimeoutMs?: number;
  /** Header names this caller sends beyond SENT_HEADERS (webhooks' signature headers). */
  extraHeaders?: readonly string[];
  userAgent?: string;
};

export type TEgressFetch = typeof fetch & { close: () => Promise<void> };

/**
 * The fetch the worker's model-server client and webhook deliveries use. Its connections go through a connector
 * that checks the address each new socket connects to (after DNS, on the address actually
 * used: see createVettedLookup), so a base URL whose name later resolves to loopback is
 * refused then. Redirects are not followed: a 3xx comes back as the answer, and fails.
 */
export function createEgressFetch(options: TEgressFetchOptions): TEgressFetch {
  const timeout = options.connectTimeoutMs ?? 10_000;
  const vetted = buildConnector({ timeout, lookup: createVettedLookup(options.policy, options.resolve) });
  // The operator's own hosts (GENERATOR_ALLOWED_HOSTS) resolve and connect as usual.
  const plain = buildConnector({ timeout });
  const agent = new Agent({
    connect: (opts, callback) => {
      const port = effectivePort(opts.protocol, opts.port);
      if (isAllowedHost(options.policy, opts.hostname, port)) return plain(opts, callback);
      // An IP literal never reaches a lookup, so it is checked here.
      const refused = vetLiteralHost(opts.hostname, options.policy);
      if (refused) return callback(refused, null);
      return vetted(opts, callback);
    },
  });

  const sent = new Set([...SENT_HEADERS, ...(options.extraHeaders ?? [])]);
  const egressFetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const headers: Record<string, string> = { "user-agent": options.userAgent ?? "arbiter-worker" };
    for (const [name, value] of new Headers(init?.headers)) if (sent.has(name)) headers[name] = value;
    const res = await undiciFetch(input as string, {
      ...(init as object),
      headers,
      redirect: "manual",
      dispatcher: agent,
    });
    return res as unknown as Response;
  };
  return Object.assign(egressFetch as typeof fetch, { close: () => agent.close() });
}
