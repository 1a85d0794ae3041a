import { describe, expect, it } from "vitest";
import { pValue, seconds } from "./measures";

describe("pValue", () => {
  it("switches to scientific notation below 0.001", () => {
    expect(pValue(0.0312)).toBe("p = 0.031");
    expect(pValue(0.00002)).toBe("p = 2.0e-5");
    expect(pValue(null)).toBe("—");
  });
});

describe("seconds", () => {
  it("keeps a decimal only for short times", () => {
    expect(seconds(1.24)).toBe("1.2 s");
    expect(seconds(42.6)).toBe("43 s");
  });
});
