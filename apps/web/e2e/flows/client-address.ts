import http from "node:http";
import { assert } from "../support/browser";
import type { Flow } from "./types";

type Answer = { status: number; body: string; setCookie: string[] };

/**
 * A request to the web server from a loopback address of our choosing: the server sees it
 * as the TCP peer, unlike anything in the request's headers.
 */
function send(
  web: string,
  from: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const url = new URL(path, web);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: from,
        headers: {
          origin: url.origin,
          "sec-fetch-site": "same-origin",
          ...(body ? { "content-type": "application/json" } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text, setCookie: res.headers["set-cookie"] ?? [] }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * The web server tells the API who connected to it, whatever a client writes in
 * X-Forwarded-For: a forged header through the /api proxy moves neither the per-address
 * sign-in limit nor the address in the audit log. Loopback aliases stand for distinct
 * clients (the web listens on 127.0.0.1, which the API trusts as its proxy).
 */
export const clientAddressFlow: Flow = {
  name: "proxy: a forged X-Forwarded-For through the web app changes neither the sign-in limit nor the audit address",
  async run({ web, db, admin }) {
    const auditor = "127.0.0.3";
    const login = await send(web, auditor, "POST", "/api/v1/auth/login", {
      headers: { "x-forwarded-for": "192.0.2.66" },
      body: { email: admin.email, password: admin.password },
    });
    assert(login.status === 200, `admin signs in through the web app: ${login.status} ${login.body}`);
    const cookie = login.setCookie.map((c) => c.split(";")[0]).join("; ");
    const name = `Forwarded-for check ${Date.now()}`;
    const created = await send(web, auditor, "POST", "/api/v1/pools", {
      headers: {
        cookie,
        "x-forwarded-for": "192.0.2.66",
        forwarded: "for=192.0.2.67",
        "x-real-ip": "192.0.2.68",
      },
      body: { name },
    });
    assert(created.status === 201, `pool created through the web app: ${created.status} ${created.body}`);
    const { rows } = await db.pool.query<{ ip: string }>(
      `SELECT e.ip FROM audit_events e JOIN pools p ON p.id::text = e.target_id
        WHERE e.action = 'pool.create' AND p.name = $1`,
      [name],
    );
    assert(rows[0]?.ip === auditor, `the audit log holds the real peer, got ${rows[0]?.ip}`);

    // Spraying one password over many accounts, a new forged address on every attempt.
    const sprayer = "127.0.0.2";
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await send(web, sprayer, "POST", "/api/v1/auth/login", {
        headers: { "x-forwarded-for": `10.9.${i}.${i + 1}` },
        body: { email: `sprayed-${i}@e2e.test`, password: "Spring2026!" },
      });
      codes.push(res.status);
    }
    assert(
      codes.slice(0, 20).every((c) => c === 401) && codes.slice(20).every((c) => c === 429),
      `20 failures, then 429 for the address: ${codes.join(",")}`,
    );
    const right = await send(web, sprayer, "POST", "/api/v1/auth/login", {
      headers: { "x-forwarded-for": "10.10.10.10" },
      body: { email: admin.email, password: admin.password },
    });
    assert(right.status === 429, `a forged address does not lift the limit: ${right.status}`);
    // Another client is not held back by the sprayer.
    const other = await send(web, "127.0.0.4", "POST", "/api/v1/auth/login", {
      body: { email: admin.email, password: admin.password },
    });
    assert(other.status === 200, `another address signs in: ${other.status} ${other.body}`);
  },
};
