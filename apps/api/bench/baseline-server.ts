// The yardstick: a bare Fastify route doing one INSERT through a pg pool of 10.
import Fastify from "fastify";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query("CREATE TABLE IF NOT EXISTS bench_rows (id bigserial PRIMARY KEY, payload jsonb NOT NULL)");
const app = Fastify({ logger: false });
app.get("/healthz", async () => ({ ok: true }));
app.post("/insert", async (request) => {
  const { rows } = await pool.query("INSERT INTO bench_rows (payload) VALUES ($1) RETURNING id", [
    request.body,
  ]);
  return { id: rows[0].id };
});
process.on("SIGTERM", async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
