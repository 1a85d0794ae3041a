import { describe, expect, it } from "vitest";
import { query } from "./query-string";

describe("query", () => {
  it("leaves out empty filters", () => {
    expect(query({ role: "ADMIN", q: "", status: undefined, limit: 50 })).toBe("?role=ADMIN&limit=50");
    expect(query({})).toBe("");
  });
});
