import type { TApiKey } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { expiresInDays, keyStatus } from "./key-rules";

const key = (over: Partial<TApiKey>): TApiKey => ({
  id: "k",
  name: "k",
  prefix: "arb_x",
  createdAt: "2026-01-01T00:00:00.000Z",
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  ...over,
});

describe("keyStatus", () => {
  const now = Date.parse("2026-02-01T00:00:00Z");
  it("is active without expiry or with one ahead, expired once it passes, revoked above all", () => {
    expect(keyStatus(key({}), now)).toBe("active");
    expect(keyStatus(key({ expiresAt: "2026-03-01T00:00:00Z" }), now)).toBe("active");
    expect(keyStatus(key({ expiresAt: "2026-01-15T00:00:00Z" }), now)).toBe("expired");
    expect(
      keyStatus(key({ expiresAt: "2026-01-15T00:00:00Z", revokedAt: "2026-01-10T00:00:00Z" }), now),
    ).toBe("revoked");
  });
});

describe("expiresInDays", () => {
  const now = new Date(2026, 0, 10, 15, 0); // local 10 January, 15:00
  it("passes the fixed choices through and leaves 'never' without a day count", () => {
    expect(expiresInDays("never", "", now)).toEqual({});
    expect(expiresInDays("90", "", now)).toEqual({ days: 90 });
  });
  it("turns a date into whole days that reach into the chosen day", () => {
    expect(expiresInDays("date", "2026-01-20", now)).toEqual({ days: 10 });
    expect(expiresInDays("date", "2026-01-11", now)).toEqual({ days: 1 });
  });
  it("refuses a missing, past or too distant date", () => {
    expect(expiresInDays("date", "", now).error).toBe("pick a date");
    expect(expiresInDays("date", "2026-01-10", now).error).toMatch(/at least a day/);
    expect(expiresInDays("date", "2040-01-01", now).error).toMatch(/10 years/);
  });
});
