// `npm run openapi -w @arbiter/api`: prints the OpenAPI document to stdout without listening on
// a port or touching the database (the pool connects on first query, and none is made).
// @arbiter/client's `generate` script writes its committed copy from this.
import { buildApp } from "../app";
import { parseApiEnv } from "../env";

// Only defaults: the document must not depend on who runs this or where.
const app = await buildApp({ config: parseApiEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" }), logger: false });
try {
  await app.ready();
  process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
} finally {
  await app.close();
}
