import { describe, expect, it } from "vitest";
import { pct, relativeTime } from "./format";

describe("relativeTime", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it("picks the largest unit that fits", () => {
    expect(relativeTime("2025-06-01T11:59:30Z", now)).toBe("30 seconds ago");
    expect(relativeTime("2025-06-01T09:00:00Z", now)).toBe("3 hours ago");
    expect(relativeTime("2025-06-08T12:00:00Z", now)).toBe("in 7 days");
  });
});

describe("pct", () => {
  it("shows a dash when nothing was measured", () => {
    expect(pct(null)).toBe("—");
    expect(pct(0.8567, 1)).toBe("85.7%");
  });
});
