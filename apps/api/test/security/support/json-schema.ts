import type { Db } from "@arbiter/db";
import type { JsonSchema } from "./world";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = JsonSchema & {
  additionalProperties?: boolean | JsonSchema;
  format?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
  const?: unknown;
};

/**
 * A small body that satisfies the schema's shape: the starting point that fuzzing bends
 * one field at a time, so that each request gets past every check but the one under test.
 */
export function exampleOf(schema: Schema | undefined, name = ""): Json {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.length) return exampleOf(choice.find((c) => c.type !== "null") ?? choice[0], name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, Json> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(sub, key);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () =>
        exampleOf(schema.items as Schema, name),
      );
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "string":
      if (schema.format === "uuid") return "7d444840-9dc0-11d1-b245-5ffdce74fad2";
      if (schema.format === "email" || /email/i.test(name)) return "fuzz@example.com";
      if (schema.format === "uri" || /url/i.test(name)) return "http://127.0.0.1:9/v1";
      if (schema.format === "date-time") return "2030-01-01T00:00:00.000Z";
      return "x".repeat(Math.max(schema.minLength ?? 1, 1));
    default:
      return "x";
  }
}

/** Paths to every leaf of a JSON value (and to the value itself when it is one). */
export function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    const inner = entries.flatMap(([k, v]) => leafPaths(v, [...path, k]));
    return inner.length ? [path, ...inner] : [path];
  }
  return [path];
}

/**
 * Paths to the objects in an example of the schema that have a fixed set of fields (not
 * maps such as metadata or sampling parameters): where an unknown field must be refused.
 */
export function closedObjectPaths(
  schema: Schema | undefined,
  value: Json,
  path: (string | number)[] = [],
): (string | number)[][] {
  if (!schema || value === null || typeof value !== "object") return [];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.length)
    return closedObjectPaths(choice.find((c) => c.type !== "null") ?? choice[0], value, path);
  if (Array.isArray(value))
    return value.flatMap((v, i) => closedObjectPaths(schema.items as Schema, v, [...path, i]));
  const open = typeof schema.additionalProperties === "object" || schema.additionalProperties === true;
  const own = schema.properties && !open ? [path] : [];
  return [
    ...own,
    ...Object.entries(value).flatMap(([k, v]) =>
      closedObjectPaths(schema.properties?.[k] as Schema, v, [...path, k]),
    ),
  ];
}

export function setAt(value: Json, path: (string | number)[], replacement: Json): Json {
  if (!path.length) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path.at(-1)!] = replacement;
  return copy as Json;
}

export type { Json };

/**
 * One hash per table of every row: equal before and after means nothing was written. Login
 * throttles are left out: counting a refused password is the point of that table.
 */
export async function databaseChecksum(db: Pick<Db, "pool">): Promise<Record<string, string>> {
  const { rows: tables } = await db.pool.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'login_throttles')
      ORDER BY tablename`,
  );
  const parts = tables.map(
    (t) =>
      `'${t.name}', (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM ${t.name} r)`,
  );
  const { rows } = await db.pool.query(`SELECT json_build_object(${parts.join(", ")}) AS sums`);
  return rows[0].sums;
}
