import { describe, expect, it } from "vitest";
import { declaredSeries, parsePrometheus, sampleValue } from "../src/prometheus";

const TEXT = `# HELP a_total Things
# TYPE a_total counter
a_total{route="/x/:id",status="200"} 3
a_total{route="q\\"uote",status="500"} 1
# TYPE b_seconds histogram
b_seconds_bucket{le="+Inf"} 2
b_seconds_count 2
c 1.5e-3
`;

describe("the Prometheus text parser", () => {
  it("reads samples with their labels, escapes included", () => {
    const samples = parsePrometheus(TEXT);
    expect(sampleValue(samples, "a_total", { status: "200" })).toBe(3);
    expect(sampleValue(samples, "a_total", { route: 'q"uote' })).toBe(1);
    expect(sampleValue(samples, "b_seconds_count")).toBe(2);
    expect(sampleValue(samples, "c")).toBe(0.0015);
    expect(sampleValue(samples, "a_total", { status: "404" })).toBeUndefined();
  });

  it("lists the declared series, with a histogram's parts", () => {
    expect([...declaredSeries(TEXT)].sort()).toEqual([
      "a_total",
      "b_seconds",
      "b_seconds_bucket",
      "b_seconds_count",
      "b_seconds_sum",
    ]);
  });
});
