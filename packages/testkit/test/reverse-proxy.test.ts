import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startReverseProxy, type TReverseProxy } from "../src";

type Backend = { url: string; ready: boolean; hits: number; server: http.Server };

async function backend(name: string): Promise<Backend> {
  const b = { ready: true, hits: 0 } as Backend;
  b.server = http.createServer((req, res) => {
    if (req.url === "/readyz") {
      res.writeHead(b.ready ? 200 : 503).end();
      return;
    }
    b.hits += 1;
    if (req.url === "/drop") {
      req.socket.destroy();
      return;
    }
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "x-backend": name });
      res.end(JSON.stringify({ name, method: req.method, url: req.url, body }));
    });
  });
  await new Promise<void>((resolve) => b.server.listen(0, "127.0.0.1", resolve));
  b.url = `http://127.0.0.1:${(b.server.address() as AddressInfo).port}`;
  return b;
}

let proxy: TReverseProxy | undefined;
const backends: Backend[] = [];
afterEach(async () => {
  await proxy?.close();
  for (const b of backends.splice(0)) {
    b.server.closeAllConnections();
    await new Promise((resolve) => b.server.close(resolve));
  }
});

async function setup(count: number) {
  for (let i = 0; i < count; i++) backends.push(await backend(`b${i}`));
  proxy = await startReverseProxy({ backends: backends.map((b) => b.url), probeIntervalMs: 20 });
  for (const b of backends) await proxy.waitUntilReady(b.url, 5_000);
  return proxy;
}

describe("startReverseProxy", () => {
  it("passes method, path and body through, round-robin over the ready backends", async () => {
    const p = await setup(2);
    const answers: { name: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${p.url}/echo?i=${i}`, { method: "POST", body: `hello ${i}` });
      answers.push((await res.json()) as { name: string });
    }
    expect(answers.map((a) => a.name)).toEqual(["b0", "b1", "b0", "b1"]);
    expect(answers[3]).toEqual({ name: "b1", method: "POST", url: "/echo?i=3", body: "hello 3" });
    expect(p.stats.failures).toEqual([]);
  });

  it("takes a backend out while its readiness fails and back in when it passes", async () => {
    const p = await setup(2);
    backends[0]!.ready = false;
    await p.waitUntilUnready(backends[0]!.url, 5_000);
    const names: string[] = [];
    for (let i = 0; i < 3; i++)
      names.push(((await (await fetch(`${p.url}/x`)).json()) as { name: string }).name);
    expect(names).toEqual(["b1", "b1", "b1"]);
    backends[0]!.ready = true;
    await p.waitUntilReady(backends[0]!.url, 5_000);
    expect(p.ready()).toHaveLength(2);
  });

  it("answers 502 for a request its backend drops and 503 with no backend ready, and records both", async () => {
    const p = await setup(1);
    expect((await fetch(`${p.url}/drop`)).status).toBe(502);
    p.remove(backends[0]!.url);
    expect((await fetch(`${p.url}/x`)).status).toBe(503);
    expect(p.stats.failures).toEqual([
      expect.stringMatching(/^502 GET \/drop via http:\/\/127\.0\.0\.1:\d+: /),
      "503 GET /x: no ready backend",
    ]);
  });
});
