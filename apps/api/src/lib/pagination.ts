import { badRequest } from "./http-error";

/** Cursor pagination over (createdAt desc, id desc): the cursor is the last row's id. */
export function pageArgs(query: { cursor?: string; limit: number }) {
  if (query.cursor && !/^[0-9a-f-]{36}$/i.test(query.cursor)) {
    throw badRequest("query.cursor: is not a valid cursor", [
      { path: "query.cursor", message: "is not valid" },
    ]);
  }
  return {
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  };
}

export function page<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
