import { describe, expect, it } from "vitest";
import { proxyTarget } from "./proxy-target";

const API = "http://127.0.0.1:4000";

describe("the /api proxy's target", () => {
  it("is the same path under the API's /api/, with the query", () => {
    expect(proxyTarget(API, ["v1", "projects", "a b"], "?limit=5")).toBe(
      "http://127.0.0.1:4000/api/v1/projects/a%20b?limit=5",
    );
  });

  it("never leaves /api/: dot segments that would reach /metrics or /healthz are refused", () => {
    expect(proxyTarget(API, ["..", "metrics"], "")).toBeNull();
    expect(proxyTarget(API, ["v1", "..", "..", "metrics"], "")).toBeNull();
    expect(proxyTarget(API, [".", "..", "healthz"], "")).toBeNull();
    expect(proxyTarget(`${API}/prefix`, ["..", "..", "metrics"], "")).toBeNull();
  });

  it("keeps a slash inside a segment encoded", () => {
    expect(proxyTarget(API, ["v1", "../../metrics"], "")).toBe(
      "http://127.0.0.1:4000/api/v1/..%2F..%2Fmetrics",
    );
  });
});
