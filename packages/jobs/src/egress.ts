import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * Where the worker may send a generator's requests. The one rule, used by the API (to
 * refuse an obviously bad base URL when it is saved) and by the worker (on every address a
 * request actually connects to).
 *
 * Always refused, unless the operator allows the host: loopback, link-local, cloud metadata
 * and unspecified addresses; a researcher's generator must not reach the worker's own
 * services or the cloud's credentials endpoint. Private ranges are allowed by default (GPU
 * servers live there) and refused with GENERATOR_DENY_PRIVATE.
 */
export type TAddressClass = "loopback" | "link_local" | "metadata" | "unspecified" | "private" | "public";

export type TAllowedHost = { host: string; port: number | null };

export type TEgressPolicy = {
  /** Hosts (as written in base URLs) exempt from the address rules; a port narrows an entry. */
  allowedHosts: TAllowedHost[];
  denyPrivate: boolean;
};

export const DEFAULT_EGRESS_POLICY: TEgressPolicy = { allowedHosts: [], denyPrivate: false };

// Instance metadata services that do not sit in a link-local range (AWS's IPv6 one, Alibaba's).
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

/** IPv6 forms that carry an IPv4 address which the network may reach: NAT64 and 6to4. */
function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = addr.range();
  const bytes = addr.toByteArray();
  if (range === "rfc6052" || range === "rfc6145") return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/** Classifies an IP address; IPv4-mapped (and NAT64, 6to4) IPv6 forms count as their IPv4 address. */
export function classifyAddress(address: string): TAddressClass {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) throw new Error(`not an IP address: ${address}`);
  // process() turns ::ffff:a.b.c.d into a.b.c.d.
  let ip = ipaddr.process(bare);
  if (ip.kind() === "ipv6") ip = embeddedIPv4(ip as ipaddr.IPv6) ?? ip;
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return "metadata";
  switch (ip.range()) {
    case "loopback":
      return "loopback";
    case "linkLocal":
      return "link_local";
    case "unspecified":
      return "unspecified";
    case "private":
    case "uniqueLocal":
    case "carrierGradeNat":
      return "private";
    default:
      return "public";
  }
}

/** The class that makes an address refused under the policy, or null when it may be used. */
export function refusedClass(address: string, policy: TEgressPolicy): TAddressClass | null {
  const cls = classifyAddress(address);
  if (cls === "public") return null;
  if (cls === "private") return policy.denyPrivate ? cls : null;
  return cls;
}

function normaliseHost(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (isIP(bare)) return ipaddr.parse(bare).toString();
  return bare.replace(/\.$/, "");
}

function defaultPort(protocol: string): number {
  return protocol === "https:" ? 443 : 80;
}

/** Whether the operator allowed this host (and port) outright. */
export function isAllowedHost(policy: TEgressPolicy, hostname: string, port: number): boolean {
  const host = normaliseHost(hostname);
  return policy.allowedHosts.some((a) => a.host === host && (a.port === null || a.port === port));
}

/** Thrown (or passed to a connect callback) when the policy refuses an address. */
export class EgressDeniedError extends Error {
  override name = "EgressDeniedError";
  readonly code = "EGRESS_DENIED";
  constructor(
    readonly host: string,
    readonly refused: TAddressClass | "scheme" | "credentials",
  ) {
    super(`egress policy refuses ${refused} address for ${host}`);
  }
}

// Names that resolve to loopback by definition (RFC 6761), whatever a resolver says.
const LOOPBACK_NAME = /^(.+\.)?localhost\.?$/i;

/**
 * What can be told of a base URL without resolving it: scheme, credentials in the URL, and
 * a literal address or a localhost name the policy refuses. Null when it passes; the
 * worker still checks every address it connects to.
 */
export function baseUrlProblem(baseUrl: string, policy: TEgressPolicy): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "must be an http(s) URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not carry credentials; give the key as apiKey";
  const port = url.port ? Number(url.port) : defaultPort(url.protocol);
  if (isAllowedHost(policy, url.hostname, port)) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (LOOPBACK_NAME.test(host)) return refusal("loopback");
  if (isIP(host)) {
    const refused = refusedClass(host, policy);
    if (refused) return refusal(refused);
  }
  return null;
}

function refusal(cls: TAddressClass): string {
  const what = cls.replace("_", "-");
  return `points at a ${what} address, which generators may not reach unless the operator allows the host in GENERATOR_ALLOWED_HOSTS`;
}

type TLookupOptions = { family?: number | string; all?: boolean; hints?: number };
type TLookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;
/** The resolver under the vetted lookup: dns.lookup with `all: true` (tests inject their own). */
export type TResolver = (
  hostname: string,
  options: { family?: number | string; hints?: number },
) => Promise<LookupAddress[]>;

const systemResolver: TResolver = (hostname, options) =>
  new Promise((resolve, reject) => {
    dnsLookup(
      hostname,
      { family: options.family as 0 | 4 | 6, hints: options.hints, all: true },
      (err, addresses) => (err ? reject(err) : resolve(addresses)),
    );
  });

/**
 * A `lookup` for net/tls connect (and so for an undici Agent): resolves the name, then
 * refuses it when any of its addresses is refused, so the socket only ever connects to an
 * address that was checked. Being the connect's own lookup, it runs for each new connection
 * after DNS, which closes DNS rebinding: a name that passed once and resolves to loopback
 * later is refused then. IP literals never reach a lookup; `vetLiteralHost` covers those.
 */
export function createVettedLookup(policy: TEgressPolicy, resolve: TResolver = systemResolver) {
  return function vettedLookup(
    hostname: string,
    options: TLookupOptions | number | TLookupCallback,
    callback?: TLookupCallback,
  ): void {
    const cb = (typeof options === "function" ? options : callback) as TLookupCallback;
    const opts: TLookupOptions = typeof options === "object" ? options : { family: options as number };
    resolve(hostname, { family: opts.family ?? 0, hints: opts.hints })
      .then((addresses) => {
        if (addresses.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
          err.code = "ENOTFOUND";
          return cb(err, []);
        }
        for (const a of addresses) {
          const refused = refusedClass(a.address, policy);
          if (refused) return cb(new EgressDeniedError(hostname, refused), []);
        }
        if (opts.all) return cb(null, addresses);
        const first = addresses[0]!;
        return cb(null, first.address, first.family);
      })
      .catch((err: NodeJS.ErrnoException) => cb(err, []));
  };
}

/** For a host that is an IP literal (which skips lookup): the refusal, or null. */
export function vetLiteralHost(hostname: string, policy: TEgressPolicy): EgressDeniedError | null {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (!isIP(host)) return null;
  const refused = refusedClass(host, policy);
  return refused ? new EgressDeniedError(host, refused) : null;
}

export function effectivePort(protocol: string, port: string | number | undefined | null): number {
  const n = Number(port);
  return Number.isInteger(n) && n > 0 ? n : defaultPort(protocol);
}

function parseAllowedHost(entry: string): TAllowedHost | null {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  let host: string;
  let port: string | undefined;
  if (bracketed) {
    host = bracketed[1]!;
    port = bracketed[2];
  } else if ((entry.match(/:/g) ?? []).length > 1) {
    host = entry; // a bare IPv6 address, without a port
  } else {
    [host, port] = entry.split(":") as [string, string | undefined];
  }
  if (!host || (port !== undefined && !/^\d{1,5}$/.test(port))) return null;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  if (host.includes(":") && !isIP(host)) return null;
  if (!host.includes(":") && !/^[a-z0-9.-]+$/i.test(host)) return null;
  return { host: normaliseHost(host), port: port === undefined ? null : Number(port) };
}

const ZBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The egress settings, for the API's and the worker's env schemas (the same on both). */
export const ZEgressEnv = {
  // Hosts exempt from the address rules: comma separated, `host` or `host:port` ([v6]:port).
  GENERATOR_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const out: TAllowedHost[] = [];
      for (const entry of s
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean)) {
        const parsed = parseAllowedHost(entry);
        if (parsed) out.push(parsed);
        else ctx.addIssue({ code: "custom", message: `"${entry}" is not a host or host:port` });
      }
      return out;
    }),
  // Also refuse private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7).
  GENERATOR_DENY_PRIVATE: ZBool.default(false),
};

export function egressPolicyFromEnv(env: {
  GENERATOR_ALLOWED_HOSTS: TAllowedHost[];
  GENERATOR_DENY_PRIVATE: boolean;
}): TEgressPolicy {
  return { allowedHosts: env.GENERATOR_ALLOWED_HOSTS, denyPrivate: env.GENERATOR_DENY_PRIVATE };
}
