import type pg from "pg";

/** Runs fn in one READ COMMITTED transaction on a dedicated connection. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((rollbackErr: Error) => {
      // A connection that cannot roll back is not given to the next request.
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
