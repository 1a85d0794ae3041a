// The production web server (`npm start`, the Docker image, the demo, the browser tests):
// Next's own request handler behind a Node HTTP server, instead of `next start`, because
// this is the one place that sees the TCP peer. Next only fills X-Forwarded-For when a
// request arrives without one (base-server: `headers['x-forwarded-for'] ??= socket address`),
// so under `next start` a client's own header reaches the /api proxy route unchanged and a
// route handler cannot tell it from a real one. Here the header is replaced before Next
// sees the request: the API then counts sign-in failures and writes audit entries against
// the address that really connected.
//
//   node server.mjs [-p 3000] [-H 0.0.0.0]
//   WEB_TRUST_PROXY=10.0.0.5   addresses/CIDRs of proxies in front of the web app (a TLS
//                              terminator) whose X-Forwarded-For is believed; none by default.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import proxyaddr from "@fastify/proxy-addr";
import next from "next";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Every interface unless -H says otherwise, as with `next start` (not $HOSTNAME: shells and
// containers set it to the machine's name).
const hostname = values.hostname;
const trusted = (process.env.WEB_TRUST_PROXY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
let trust = null;
try {
  trust = trusted.length > 0 ? proxyaddr.compile(trusted) : null;
} catch (err) {
  console.error(
    `arbiter web: Invalid environment:\n  WEB_TRUST_PROXY: addresses or CIDRs, comma separated (${err.message})`,
  );
  process.exit(1);
}

/** Whoever connected, or the client a trusted proxy in front names; IPv4 without its ::ffff: prefix. */
function clientAddress(req) {
  const address = (trust ? proxyaddr(req, trust) : req.socket.remoteAddress) ?? "";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

// Read by the /api route (src/lib/proxy-headers.ts): the header is only believed when this
// server wrote it.
process.env.ARBITER_WEB_SERVER = "server.mjs";
const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Liveness and readiness for orchestrators, answered here: no page render, no API call.
  if (req.url === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  const address = clientAddress(req);
  delete req.headers.forwarded;
  delete req.headers["x-real-ip"];
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  void handle(req, res);
});

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

server.listen(port, hostname, () => {
  console.log(`arbiter web: listening on http://${hostname ?? "localhost"}:${port}`);
});
