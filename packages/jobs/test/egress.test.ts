import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import {
  baseUrlProblem,
  classifyAddress,
  createVettedLookup,
  DEFAULT_EGRESS_POLICY,
  EgressDeniedError,
  isAllowedHost,
  type TEgressPolicy,
  ZEgressEnv,
} from "../src";

describe("address classes", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["64:ff9b::7f00:1", "loopback"],
    ["169.254.1.1", "link_local"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["::ffff:169.254.9.9", "link_local"],
    ["169.254.169.254", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.10", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["100.64.0.1", "private"],
    ["8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
  ] as const)("%s is %s", (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });
});

const policy = (p: Partial<TEgressPolicy> = {}): TEgressPolicy => ({ ...DEFAULT_EGRESS_POLICY, ...p });

describe("base URLs the API can refuse before any request", () => {
  it.each([
    "http://127.0.0.1:8000/v1",
    "http://localhost/v1",
    "http://localhost./v1",
    "http://api.localhost/v1",
    "http://[::1]/v1",
    "http://169.254.169.254/latest",
    "http://[::ffff:127.0.0.1]/v1",
    "http://0.0.0.0:8000/v1",
    "http://2130706433/v1",
    "http://0x7f.1/v1",
    "http://[fe80::1]/v1",
    "http://100.100.100.200/",
    "ftp://gpu.example/v1",
    "http://user:pass@gpu.example/v1",
  ])("refuses %s", (url) => {
    expect(baseUrlProblem(url, policy())).not.toBeNull();
  });

  it.each(["http://10.0.0.5:8000/v1", "https://gpu.internal.example/v1", "https://api.openai.com/v1"])(
    "lets %s through (a name is checked by the worker once resolved)",
    (url) => {
      expect(baseUrlProblem(url, policy())).toBeNull();
    },
  );

  it("refuses private addresses only when told to", () => {
    expect(baseUrlProblem("http://10.0.0.5:8000/v1", policy({ denyPrivate: true }))).toMatch(/private/);
    expect(baseUrlProblem("http://[fd00::5]:8000/v1", policy({ denyPrivate: true }))).toMatch(/private/);
  });

  it("lets an operator allow a host, or one port of it", () => {
    const env = ZEgressEnv.GENERATOR_ALLOWED_HOSTS.parse("127.0.0.1:8000, localhost, [::1]:9000");
    const allowed = policy({ allowedHosts: env });
    expect(baseUrlProblem("http://127.0.0.1:8000/v1", allowed)).toBeNull();
    expect(baseUrlProblem("http://127.0.0.1:8001/v1", allowed)).not.toBeNull();
    expect(baseUrlProblem("http://LOCALHOST:1234/v1", allowed)).toBeNull();
    expect(baseUrlProblem("http://[::1]:9000/v1", allowed)).toBeNull();
    expect(baseUrlProblem("http://[::1]:9001/v1", allowed)).not.toBeNull();
    expect(isAllowedHost(allowed, "::1", 9000)).toBe(true);
    expect(baseUrlProblem("http://user:pass@127.0.0.1:8000/v1", allowed)).not.toBeNull();
  });

  it("names a malformed GENERATOR_ALLOWED_HOSTS entry", () => {
    const parsed = ZEgressEnv.GENERATOR_ALLOWED_HOSTS.safeParse("gpu:80, bad host, x:99999");
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain("bad host");
    expect(JSON.stringify(parsed.error?.issues)).toContain("x:99999");
  });
});

/** The vetted lookup as net.connect calls it, with the resolver answering what the test says. */
function lookupWith(answers: Record<string, string[]>, p = policy()) {
  const asked: string[] = [];
  const lookup = createVettedLookup(p, async (hostname) => {
    asked.push(hostname);
    return (answers[hostname] ?? []).map(
      (address): LookupAddress => ({ address, family: address.includes(":") ? 6 : 4 }),
    );
  });
  const call = (hostname: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup(hostname, { all }, (err, address) => resolve({ err, address })),
    );
  return { call, asked };
}

describe("the worker's lookup, checked after DNS on every connection", () => {
  it("refuses a name that resolves to loopback, metadata or a mapped loopback address", async () => {
    const { call } = lookupWith({
      "evil.example": ["127.0.0.1"],
      "meta.example": ["169.254.169.254"],
      "mapped.example": ["::ffff:127.0.0.1"],
      "six.example": ["::1"],
      "mixed.example": ["93.184.216.34", "127.0.0.1"],
    });
    for (const host of ["evil.example", "meta.example", "mapped.example", "six.example", "mixed.example"]) {
      for (const all of [true, false]) {
        const { err } = await call(host, all);
        expect(err, host).toBeInstanceOf(EgressDeniedError);
      }
    }
  });

  it("passes public and private addresses through, in the form asked for", async () => {
    const { call } = lookupWith({
      "gpu.example": ["10.0.0.7"],
      "api.example": ["93.184.216.34", "2606:4700::1"],
    });
    expect(await call("gpu.example", false)).toEqual({ err: null, address: "10.0.0.7" });
    expect((await call("api.example", true)).address).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700::1", family: 6 },
    ]);
  });

  it("resolves again for each connection: a name that turns to loopback later is refused then", async () => {
    const answers: Record<string, string[]> = { "rebind.example": ["93.184.216.34"] };
    const { call, asked } = lookupWith(answers);
    expect((await call("rebind.example", false)).err).toBeNull();
    answers["rebind.example"] = ["127.0.0.1"];
    expect((await call("rebind.example", false)).err).toBeInstanceOf(EgressDeniedError);
    expect(asked).toEqual(["rebind.example", "rebind.example"]);
  });

  it("refuses private addresses when the policy says so, and reports a name without addresses", async () => {
    const { call } = lookupWith({ "gpu.example": ["192.168.1.20"] }, policy({ denyPrivate: true }));
    expect((await call("gpu.example", false)).err).toBeInstanceOf(EgressDeniedError);
    expect((await call("nowhere.example", false)).err?.code).toBe("ENOTFOUND");
  });
});
