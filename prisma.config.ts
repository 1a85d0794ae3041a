// Configuration of the Prisma CLI (generate and migrate). It runs Prisma's Wasm schema
// engine through @prisma/adapter-pg, because these machines cannot download the native
// schema engine. Two upstream bugs of adapter-pg 6.19 are worked around here; the
// application's runtime client (packages/db) needs neither workaround.
// Loaded by Prisma's own TypeScript loader: keep project imports out of it.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/arbiter";
// schema.prisma must name a url (Prisma 6), which the adapter then ignores. Unresolved,
// the CLI cannot read the generator's engineType and falls back to downloading a native
// engine, which fails offline; so the default is put in place here.
process.env.DATABASE_URL = databaseUrl;

// Catalog-only column types (name, "char", regproc, int2vector, oidvector, pg_node_tree,
// regclass...) have no mapping in adapter-pg and fail with "Column type 'name' could not
// be deserialized" (prisma/prisma#27403). Their values already arrive as text, so the
// column is re-labelled as text; name[] becomes text[].
const CATALOG_TEXT_OIDS = new Set([18, 19, 22, 24, 30, 194, 2205]);
const NAME_ARRAY_OID = 1003;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

type Field = { dataTypeID: number };
type Result = { fields?: Field[] };

function relabelCatalogTypes<T>(result: T): T {
  for (const one of (Array.isArray(result) ? result : [result]) as Result[]) {
    for (const field of one?.fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      else if (field.dataTypeID === NAME_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    }
  }
  return result;
}

class CatalogTolerantClient extends pg.Client {
  // pg.Pool calls client.query with a trailing callback, adapter-pg with a promise;
  // both forms must be relabelled.
  // biome-ignore lint/suspicious/noExplicitAny: mirrors pg's overloaded signature
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : relabelCatalogTypes(res));
      // biome-ignore lint/suspicious/noExplicitAny: see above
      return (super.query as any)(...args);
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const out = (super.query as any)(...args);
    return typeof out?.then === "function" ? out.then(relabelCatalogTypes) : out;
  }
}

// adapter-pg's executeScript splits a migration on every ";", even inside quoted
// function bodies, so a migration that creates a PL/pgSQL function fails with a syntax
// error. Postgres runs a multi-statement script itself over the simple query protocol
// (as one implicit transaction), so the script is sent whole.
type ScriptRunner = { executeScript(script: string): Promise<void>; underlyingDriver(): pg.Pool };
function runScriptsWhole<T extends ScriptRunner>(adapter: T): T {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // The adapter's own error mapping (protected in its typings) keeps Prisma's messages.
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

// adapter-pg builds the shadow database pool as { ...config, database }, which a
// connectionString silently overrides (the shadow migrations would then run against the
// real database), and it drops the shadow database before closing that pool ("database
// is being accessed by other users"). Discrete connection fields fix the first; this
// subclass closes the shadow pool before dropping the database.
class ShadowSafePrismaPg extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = runScriptsWhole(await new PrismaPg({ ...this.poolConfig, database }).connect());
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

function poolConfigFrom(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)),
    Client: CatalogTolerantClient,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new ShadowSafePrismaPg(poolConfigFrom(databaseUrl));
  },
});
