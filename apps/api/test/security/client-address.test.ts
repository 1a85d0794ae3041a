import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createHarness, type Harness, ORIGIN, PASSWORD, type TestUser } from "../support/harness";

// The web app proxies /api from 127.0.0.1 here (as in the demo) and sets X-Forwarded-For to
// the address of whoever connected to it; the API trusts that one proxy and nobody else.
const WEB = "127.0.0.1";
const STRANGER = "198.51.100.20";

let h: Harness;
let untrusting: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await createHarness({ TRUST_PROXY: WEB });
  untrusting = await createHarness();
  admin = await h.user("ADMIN");
});
afterAll(async () => {
  await h?.close();
  await untrusting?.close();
});

function login(
  harness: Harness,
  email: string,
  password: string,
  from: { remoteAddress: string; forwardedFor?: string },
) {
  return harness.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: from.remoteAddress,
    headers: {
      origin: ORIGIN,
      host: "localhost:3000",
      ...(from.forwardedFor ? { "x-forwarded-for": from.forwardedFor } : {}),
    },
    payload: { email, password },
  });
}

/** Creates a pool as the admin (an audited write) and returns the address its audit event holds. */
async function auditedAddress(
  harness: Harness,
  user: TestUser,
  from: { remoteAddress: string; forwardedFor?: string },
): Promise<string | null> {
  const name = `pool ${crypto.randomUUID()}`;
  const res = await harness.app.inject({
    method: "POST",
    url: "/api/v1/pools",
    remoteAddress: from.remoteAddress,
    headers: { ...bearer(user), ...(from.forwardedFor ? { "x-forwarded-for": from.forwardedFor } : {}) },
    payload: { name },
  });
  expect(res.statusCode, res.body).toBe(201);
  const event = await harness.db.prisma.auditEvent.findFirstOrThrow({
    where: { action: "pool.create", targetId: res.json().pool.id },
  });
  return event.ip;
}

const forged = (i: number) => `10.${i}.${i}.${i}`;

describe("the client address (rate limits, audit log)", () => {
  it("password spraying from one address is stopped after LOGIN_ADDRESS_LIMIT failures, whatever the emails", async () => {
    const victim = await h.user("RESEARCHER");
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await login(h, `sprayed-${i}@example.com`, "Summer2026!", {
        remoteAddress: WEB,
        forwardedFor: "203.0.113.9",
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(codes.slice(20)).toEqual(Array(10).fill(429));
    // From that address, even the right password now waits: a spray must not learn its hits.
    const right = await login(h, victim.email, PASSWORD, { remoteAddress: WEB, forwardedFor: "203.0.113.9" });
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({
      code: "address_limited",
      message: expect.stringMatching(/try again in \d+ minutes/),
    });
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(800);
    // Another client of the same proxy is not affected.
    const other = await login(h, victim.email, PASSWORD, {
      remoteAddress: WEB,
      forwardedFor: "203.0.113.10",
    });
    expect(other.statusCode).toBe(200);
  });

  it("a client that is not the trusted proxy cannot pick its address with X-Forwarded-For", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await login(h, `forger-${i}@example.com`, "Winter2026!", {
        remoteAddress: STRANGER,
        forwardedFor: forged(i),
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    expect(await auditedAddress(h, admin, { remoteAddress: STRANGER, forwardedFor: "192.0.2.1" })).toBe(
      STRANGER,
    );
  });

  it("through the trusted proxy, only the hop it appended counts: a forged entry before it is ignored", async () => {
    // What a proxy that appends (nginx's $proxy_add_x_forwarded_for) sends for a forging client.
    expect(
      await auditedAddress(h, admin, { remoteAddress: WEB, forwardedFor: "192.0.2.1, 203.0.113.77" }),
    ).toBe("203.0.113.77");
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await login(h, `chain-${i}@example.com`, "Autumn2026!", {
        remoteAddress: WEB,
        forwardedFor: `${forged(i)}, 203.0.113.78`,
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
  });

  it("by default (TRUST_PROXY unset) X-Forwarded-For is ignored altogether", async () => {
    const user = await untrusting.user("ADMIN");
    expect(await auditedAddress(untrusting, user, { remoteAddress: WEB, forwardedFor: "192.0.2.1" })).toBe(
      WEB,
    );
  });
});
