import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Db = {
  prisma: PrismaClient;
  // The same pool Prisma uses, for the few hot-path queries written in SQL
  // (assignment and judgment), where row locks and one round-trip matter.
  pool: pg.Pool;
  close: () => Promise<void>;
};

export type DbOptions = {
  poolSize?: number;
  applicationName?: string;
  onPoolError?: (err: Error) => void;
};

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? "arbiter",
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its server (Postgres restart) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on("error", (err) => options.onPoolError?.(err));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
