/**
 * POST routes whose OpenAPI operation takes an `idempotency-key` header: the API stores such a
 * request once per key, so the client may send it again. A test keeps this list equal to the
 * routes the document declares it for.
 */
export const IDEMPOTENT_POSTS: ReadonlySet<string> = new Set([
  "/api/v1/assignments/{id}/judgment",
  "/api/v1/battles/{id}/vote",
]);
