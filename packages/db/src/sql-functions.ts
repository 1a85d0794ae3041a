import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { repoRoot } from "./migrate";

// prisma/functions holds the current text of every SQL function and trigger, one file per
// function name (overloads and the triggers that run it share the file). The text is what
// Postgres itself prints (pg_get_functiondef, pg_get_triggerdef), so a migrated database
// and the files can be compared exactly: see test/functions.test.ts.

export function functionsDir(): string {
  return path.join(repoRoot(), "prisma", "functions");
}

/** The files, by function name. */
export function readFunctionFiles(dir = functionsDir()): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".sql")) files.set(name.slice(0, -4), readFileSync(path.join(dir, name), "utf8"));
  }
  return files;
}

/** What each function's file must hold, read from a database: its definitions, then its triggers. */
export async function definitionsIn(client: pg.Client | pg.Pool): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prokind = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`,
  );
  const triggers = await client.query<{ name: string; def: string }>(
    `SELECT p.proname AS name, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal
      ORDER BY p.proname, t.tgname`,
  );
  const parts = new Map<string, string[]>();
  const add = (name: string, text: string) => parts.set(name, [...(parts.get(name) ?? []), text]);
  for (const r of rows) add(r.name, `${r.def.trimEnd()};\n`);
  // CREATE OR REPLACE, so that the file can be run again as it stands (Postgres 14+).
  for (const t of triggers.rows)
    add(t.name, `${t.def.replace(/^CREATE TRIGGER/, "CREATE OR REPLACE TRIGGER")};\n`);
  return new Map([...parts].map(([name, texts]) => [name, texts.join("\n")]));
}
