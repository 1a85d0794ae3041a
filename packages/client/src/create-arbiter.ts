import createClient, { type Client, type Middleware } from "openapi-fetch";
import { IDEMPOTENT_POSTS } from "./idempotent-routes";
import { paginator } from "./paginate";
import { type RetryOptions, retryingFetch } from "./retry";
import type { paths } from "./schema";
import { pollers } from "./wait";

/**
 * The generated paths, except that the Idempotency-Key the API requires on some POSTs may be
 * left out: the client then makes one per call and sends it with every retry of that call.
 */
export type ArbiterPaths = {
  [P in keyof paths]: { [M in keyof paths[P]]: M extends "post" ? KeyOptional<paths[P][M]> : paths[P][M] };
};
type KeyOptional<Op> = Op extends { parameters: { header: { "idempotency-key": string } } }
  ? Omit<Op, "parameters"> & {
      parameters: Omit<Op["parameters"], "header"> & { header?: { "idempotency-key"?: string } };
    }
  : Op;

type Common = {
  /** Where the API answers, e.g. `https://arbiter.example.com` (paths start with /api/v1). */
  baseUrl: string;
  retry?: RetryOptions;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A fetch to send through (tests, proxies); Node's global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
};
export type ArbiterOptions = Common &
  (
    | { /** An API key (`arb_…`) from the API keys page or POST /api/v1/api-keys. */ apiKey: string }
    | { /** A session cookie, `arbiter_session=…`, as a browser holds it. */ cookie: string }
  );

export type ArbiterClient = Client<ArbiterPaths, "application/json">;
export type Arbiter = ArbiterClient & ReturnType<typeof paginator> & ReturnType<typeof pollers>;

/** A typed client of the Arbiter API: openapi-fetch's GET/POST/… plus paging and polling helpers. */
export function createArbiter(options: ArbiterOptions): Arbiter {
  const auth: Record<string, string> =
    "apiKey" in options ? { authorization: `Bearer ${options.apiKey}` } : { cookie: options.cookie };
  const client = createClient<ArbiterPaths, "application/json">({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { ...options.headers, ...auth },
    fetch: retryingFetch(options.retry, options.fetch),
  });
  client.use(idempotencyKeys);
  return Object.assign(client, paginator(client), pollers(client));
}

const idempotencyKeys: Middleware = {
  onRequest({ request, schemaPath }) {
    if (
      request.method === "POST" &&
      IDEMPOTENT_POSTS.has(schemaPath) &&
      !request.headers.has("idempotency-key")
    )
      request.headers.set("idempotency-key", crypto.randomUUID());
  },
};
