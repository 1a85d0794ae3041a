import http from "node:http";
import type { AddressInfo } from "node:net";

// Connection-scoped headers: each hop has its own (RFC 9110 §7.6.1), as in nginx or Envoy.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

function endToEnd(headers: http.IncomingHttpHeaders | http.OutgoingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

export type TReverseProxyOptions = {
  /** Backends (base URLs) to start with; each enters the rotation once its readiness probe passes. */
  backends?: string[];
  /** Probed on every backend; 200 puts it in the rotation, anything else takes it out. */
  readinessPath?: string;
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  /**
   * Failed probes in a row that take a backend out, as the kubelet's `failureThreshold`: a
   * probe that merely times out on a busy machine does not empty the rotation.
   */
  failureThreshold?: number;
};

export type TReverseProxy = {
  url: string;
  /** A backend to probe; it takes requests once ready. */
  add: (backend: string) => void;
  /** Out of the rotation and no longer probed. */
  remove: (backend: string) => void;
  /** The backends in the rotation now. */
  ready: () => string[];
  /** Resolves once `backend` is in the rotation. */
  waitUntilReady: (backend: string, timeoutMs?: number) => Promise<void>;
  /** Resolves once `backend` is out of the rotation. */
  waitUntilUnready: (backend: string, timeoutMs?: number) => Promise<void>;
  /** Requests passed to each backend, and every failure of the proxy itself (502/503 answers). */
  stats: { forwarded: Map<string, number>; failures: string[] };
  close: () => Promise<void>;
};

/**
 * A reverse proxy of the test's own, doing what a Kubernetes Service (or an ingress reading its
 * endpoints) does for replicas: round-robin over the backends whose readiness probe last
 * passed, with keep-alive connections to them. It never retries: a request a backend drops is
 * answered 502 and recorded, so a test sees every request a rollout would lose.
 */
export async function startReverseProxy(opts: TReverseProxyOptions = {}): Promise<TReverseProxy> {
  const readinessPath = opts.readinessPath ?? "/readyz";
  const probeIntervalMs = opts.probeIntervalMs ?? 100;
  const probeTimeoutMs = opts.probeTimeoutMs ?? 2_000;
  const failureThreshold = opts.failureThreshold ?? 1;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const probes = new Map<string, NodeJS.Timeout>();
  const inRotation: string[] = [];
  const failedProbes = new Map<string, number>();
  const stats = { forwarded: new Map<string, number>(), failures: [] as string[] };
  let next = 0;

  function probed(backend: string, passed: boolean) {
    const failed = passed ? 0 : (failedProbes.get(backend) ?? 0) + 1;
    failedProbes.set(backend, failed);
    if (passed || failed >= failureThreshold) setReady(backend, passed);
  }

  function setReady(backend: string, ready: boolean) {
    const at = inRotation.indexOf(backend);
    if (ready && at < 0 && probes.has(backend)) inRotation.push(backend);
    if (!ready && at >= 0) inRotation.splice(at, 1);
  }

  async function probe(backend: string) {
    try {
      const res = await fetch(`${backend}${readinessPath}`, { signal: AbortSignal.timeout(probeTimeoutMs) });
      await res.body?.cancel();
      probed(backend, res.status === 200);
    } catch {
      probed(backend, false);
    }
  }

  function add(backend: string) {
    if (probes.has(backend)) return;
    // Each probe waits for the previous one, as the kubelet's do.
    const loop = async () => {
      await probe(backend);
      if (probes.has(backend)) probes.set(backend, setTimeout(loop, probeIntervalMs));
    };
    probes.set(backend, setTimeout(loop, 0));
  }

  function remove(backend: string) {
    clearTimeout(probes.get(backend));
    probes.delete(backend);
    failedProbes.delete(backend);
    setReady(backend, false);
  }

  function fail(res: http.ServerResponse, status: number, message: string) {
    stats.failures.push(`${status} ${message}`);
    if (!res.headersSent) res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: status === 503 ? "no_ready_backend" : "bad_gateway", message }));
  }

  const server = http.createServer((req, res) => {
    if (inRotation.length === 0) {
      fail(res, 503, `${req.method} ${req.url}: no ready backend`);
      return;
    }
    const backend = inRotation[next++ % inRotation.length]!;
    stats.forwarded.set(backend, (stats.forwarded.get(backend) ?? 0) + 1);
    const upstream = http.request(`${backend}${req.url}`, {
      method: req.method,
      headers: endToEnd(req.headers),
      agent,
    });
    upstream.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
      answer.on("error", (err) => {
        stats.failures.push(`${req.method} ${req.url} via ${backend}: response cut off (${err.message})`);
        res.destroy(err);
      });
    });
    upstream.on("error", (err) => {
      // Destroyed below because the client left: nobody to answer, nothing lost by the backend.
      if (res.destroyed) return;
      fail(res, 502, `${req.method} ${req.url} via ${backend}: ${err.message}`);
    });
    // A client that hangs up takes its upstream request with it.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  for (const backend of opts.backends ?? []) add(backend);

  async function waitUntil(what: string, holds: () => boolean, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!holds()) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    add,
    remove,
    ready: () => [...inRotation],
    waitUntilReady: (backend, timeoutMs = 60_000) =>
      waitUntil(`${backend} to be ready`, () => inRotation.includes(backend), timeoutMs),
    waitUntilUnready: (backend, timeoutMs = 60_000) =>
      waitUntil(`${backend} to leave the rotation`, () => !inRotation.includes(backend), timeoutMs),
    stats,
    close: async () => {
      for (const backend of [...probes.keys()]) remove(backend);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}
