import type { ArbiterClient, ArbiterPaths } from "./create-arbiter";
import { unwrap } from "./errors";

type GetOp<P extends keyof ArbiterPaths> = ArbiterPaths[P] extends { get: infer Op } ? Op : never;
type Page<P extends keyof ArbiterPaths> =
  GetOp<P> extends {
    responses: { 200: { content: { "application/json": infer D } } };
  }
    ? D
    : never;

/** GET routes answering one page of a keyset-paged list: `{ <rows>: [...], nextCursor }`. */
export type PagedPath = {
  [P in keyof ArbiterPaths]: Page<P> extends { nextCursor: string | null } ? P : never;
}[keyof ArbiterPaths];

/** What a page lists: the element type of its one array. */
export type PagedRow<P extends PagedPath> = {
  [K in keyof Page<P>]: Page<P>[K] extends (infer Row)[] ? Row : never;
}[keyof Page<P>];

type Params<P extends PagedPath> = GetOp<P> extends { parameters: infer X } ? X : never;
type Query<P extends PagedPath> = Params<P> extends { query?: infer Q } ? Q : never;
/** The route's parameters, its query (cursor, limit, filters) optional. */
type PageInit<P extends PagedPath> = { params: Omit<Params<P>, "query"> & { query?: Query<P> } };

export function paginator(client: ArbiterClient) {
  return {
    /**
     * Every row of a paged list, fetching page after page (following `nextCursor`) as the loop
     * asks for more: `for await (const p of arbiter.paginate("/api/v1/projects")) …`.
     * `limit` in the query sets the page size.
     */
    async *paginate<P extends PagedPath>(path: P, init?: PageInit<P>): AsyncGenerator<PagedRow<P>> {
      const params = (init?.params ?? {}) as { query?: Record<string, unknown> };
      // The generic path defeats openapi-fetch's overloads; the signature above keeps callers typed.
      const get = client.GET as unknown as (
        path: string,
        init: { params: unknown },
      ) => Promise<{ data?: Record<string, unknown>; error?: unknown; response: Response }>;
      let cursor: string | undefined;
      do {
        const page = unwrap(await get(path, { params: { ...params, query: { ...params.query, cursor } } }));
        const rows = Object.values(page).filter(Array.isArray);
        if (rows.length !== 1) throw new Error(`${path} does not answer one list per page`);
        yield* rows[0] as PagedRow<P>[];
        cursor = (page.nextCursor as string | null) ?? undefined;
      } while (cursor !== undefined);
    },
  };
}
