import { describe, expect, it } from "vitest";
import { safeNext } from "../src/safe-next";

const ORIGIN = "https://arbiter.example";

describe("safeNext", () => {
  it("keeps a path on this origin, with its query and fragment", () => {
    expect(safeNext("/projects/x?y=1#z", ORIGIN)).toBe("/projects/x?y=1#z");
    expect(safeNext("/annotate", ORIGIN)).toBe("/annotate");
    expect(safeNext(`${ORIGIN}/projects`, ORIGIN)).toBe("/projects");
  });

  it.each([
    ["percent-encoded backslash", "/%5Cevil.example/x"],
    ["percent-encoded tab", "/%09/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil"],
    ["backslash then host", "/\\evil.example/x"],
    ["tab", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["another origin", "https://evil.example"],
    ["another scheme on our host", "http://arbiter.example/projects"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["encoded slash pair", "/%2F/evil.example"],
    ["lower-case encoded backslash", "/%5cevil.example"],
    ["broken encoding", "/%E0%A4%A"],
    ["empty", ""],
  ])("refuses %s", (_what, next) => {
    expect(safeNext(next, ORIGIN)).toBeUndefined();
  });

  it("refuses nothing given", () => {
    expect(safeNext(undefined, ORIGIN)).toBeUndefined();
  });
});
