import type { App } from "../../src/app";

type Cookies = Map<string, string>;

/**
 * A browser for redirect chains across the API (answered through app.inject, at `apiOrigin`)
 * and real HTTP servers (the identity provider): it keeps cookies per origin and follows
 * redirects until one leaves both, i.e. lands on a page of the web app.
 */
export function createBrowser(app: App, apiOrigin: string) {
  const jars = new Map<string, Cookies>();
  const jar = (origin: string) => jars.get(origin) ?? jars.set(origin, new Map()).get(origin)!;

  function store(origin: string, setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const expired = attrs.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      if (expired) jar(origin).delete(name);
      else jar(origin).set(name, pair.slice(at + 1));
    }
  }
  const cookieHeader = (origin: string) =>
    [...jar(origin)].map(([name, value]) => `${name}=${value}`).join("; ");

  async function get(url: URL): Promise<{ status: number; location?: string }> {
    if (url.origin === apiOrigin) {
      const res = await app.inject({
        method: "GET",
        url: `${url.pathname}${url.search}`,
        headers: { host: url.host, cookie: cookieHeader(url.origin), "sec-fetch-site": "cross-site" },
      });
      const set = res.headers["set-cookie"];
      store(url.origin, set === undefined ? [] : ([] as string[]).concat(set as string | string[]));
      return { status: res.statusCode, location: res.headers.location as string | undefined };
    }
    const res = await fetch(url, { redirect: "manual", headers: { cookie: cookieHeader(url.origin) } });
    store(url.origin, res.headers.getSetCookie());
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get("location") ?? undefined };
  }

  return {
    cookies: (origin = apiOrigin) => jar(origin),
    /**
     * Follows redirects from `start`; `intercept` may rewrite a URL before it is visited (an
     * attacker's tampering). Returns the web page it lands on and every URL visited.
     */
    async navigate(start: string, intercept: (url: URL) => URL = (u) => u) {
      const visited: URL[] = [];
      let url = intercept(new URL(start, apiOrigin));
      for (let hop = 0; hop < 20; hop += 1) {
        visited.push(url);
        const res = await get(url);
        if (res.status < 300 || res.status >= 400 || !res.location)
          throw new Error(`${url.href} answered ${res.status} without a redirect`);
        const next = new URL(res.location, url);
        if (next.origin === apiOrigin && !next.pathname.startsWith("/api/")) return { landed: next, visited };
        url = intercept(next);
      }
      throw new Error("too many redirects");
    },
  };
}
