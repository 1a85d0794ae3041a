import type { TGenerator } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { eta, formatDuration, formatRate, runStatusBadge, throughput } from "./format";
import { bodyFromForm, EMPTY_FORM, errorsFromApi, formFromGenerator } from "./generator-form";

describe("generator form", () => {
  const filled = { ...EMPTY_FORM, name: "Small", model: "arbiter-small" };

  it("builds a body with only the parameters that were given", () => {
    const result = bodyFromForm({
      ...filled,
      topP: "",
      seed: "7",
      stop: "###\n\\n\\nUser:",
      extra: '{"top_k": 40}',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        name: "Small",
        baseUrl: "http://127.0.0.1:8000/v1",
        model: "arbiter-small",
        mode: "chat",
        params: { top_k: 40, temperature: 0.7, max_tokens: 256, seed: 7, stop: ["###", "\n\nUser:"] },
        apiKeyEnv: null,
        concurrency: 4,
        requestsPerMinute: null,
      },
    });
  });

  it("sends a typed key (trimmed) and leaves it out when none is typed", () => {
    const typed = bodyFromForm({ ...filled, apiKey: " sk-abc123 " });
    expect(typed).toMatchObject({ ok: true, body: { apiKey: "sk-abc123" } });
    const none = bodyFromForm(filled);
    expect(none.ok && "apiKey" in none.body).toBe(false);
  });

  it("names every wrong field instead of sending", () => {
    const result = bodyFromForm({
      ...filled,
      name: " ",
      baseUrl: "ftp://x",
      temperature: "hot",
      maxTokens: "1.5",
      extra: '{"temperature": 1}',
      apiKeyEnv: "VLLM_KEY",
      apiKey: "has a space",
      concurrency: "0",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ["apiKey", "apiKeyEnv", "baseUrl", "concurrency", "extra", "maxTokens", "name", "temperature"].sort(),
    );
    expect(result.errors.extra).toContain("temperature");
    expect(bodyFromForm({ ...filled, extra: "[1]" })).toMatchObject({
      ok: false,
      errors: { extra: /object/ },
    });
    expect(bodyFromForm({ ...filled, extra: "{oops" })).toMatchObject({
      ok: false,
      errors: { extra: /JSON/ },
    });
  });

  it("round-trips a stored generator, extra parameters included", () => {
    const stored: TGenerator = {
      id: "g",
      projectId: "p",
      name: "Large",
      baseUrl: "https://vllm.lab/v1",
      model: "llama",
      mode: "completion",
      params: { temperature: 0, stop: ["a", "b"], min_p: 0.1 },
      apiKeySet: true,
      apiKeyLast4: "wxyz",
      apiKeyEnv: "ARBITER_GENERATOR_KEY_VLLM",
      concurrency: 8,
      requestsPerMinute: 600,
      createdAt: "",
      updatedAt: "",
    };
    const back = bodyFromForm(formFromGenerator(stored));
    expect(back).toMatchObject({
      ok: true,
      body: {
        params: { temperature: 0, stop: ["a", "b"], min_p: 0.1 },
        apiKeyEnv: "ARBITER_GENERATOR_KEY_VLLM",
        concurrency: 8,
      },
    });
    // The stored key is never put back into the form, so saving leaves it as it is.
    expect(formFromGenerator(stored).apiKey).toBe("");
    if (back.ok) expect(back.body).not.toHaveProperty("apiKey");
  });

  it("puts the API's validation details on the matching fields", () => {
    expect(
      errorsFromApi([
        { path: "body.params.top_p", message: "too big" },
        { path: "body.params.stop.3", message: "too long" },
        { path: "body.params.top_k", message: "bad" },
        { path: "body.baseUrl", message: "invalid URL" },
      ]),
    ).toEqual({ topP: "too big", stop: "too long", extra: "bad", baseUrl: "invalid URL" });
    expect(errorsFromApi(undefined)).toEqual({});
  });
});

describe("run status", () => {
  it("calls a queued run whose first requests went out Starting, and a waiting one Queued", () => {
    expect(runStatusBadge({ status: "QUEUED", startedAt: null }).label).toBe("Queued");
    expect(runStatusBadge({ status: "QUEUED", startedAt: "2026-11-29T10:00:00.000Z" }).label).toBe(
      "Starting",
    );
    expect(runStatusBadge({ status: "RUNNING", startedAt: "2026-11-29T10:00:00.000Z" }).label).toBe(
      "Running",
    );
  });
});

describe("run pace", () => {
  const run = {
    done: 90,
    failed: 10,
    pending: 100,
    startedAt: "2025-01-01T00:00:00.000Z",
    finishedAt: null,
  };
  const now = Date.parse("2025-01-01T00:00:20.000Z");

  it("counts finished samples per second and the time left", () => {
    expect(throughput(run, now)).toBe(5);
    expect(eta(run, now)).toBe(20);
    expect(throughput({ ...run, startedAt: null }, now)).toBeNull();
    // A run that finished within half a second still has a rate; a live one that young does not.
    expect(throughput({ ...run, finishedAt: "2025-01-01T00:00:00.200Z" }, now)).toBe(500);
    expect(throughput(run, Date.parse("2025-01-01T00:00:00.200Z"))).toBeNull();
    expect(eta({ ...run, finishedAt: "2025-01-01T00:00:10.000Z" }, now)).toBeNull();
  });

  it("formats rates and durations for people", () => {
    expect(formatRate(null)).toBe("—");
    expect(formatRate(42.4)).toBe("42/s");
    expect(formatRate(2.25)).toBe("2.3/s");
    expect(formatRate(0.5)).toBe("30.0/min");
    expect(formatDuration(20)).toBe("20 s");
    expect(formatDuration(125)).toBe("2 min 5 s");
    expect(formatDuration(3 * 3600 + 60)).toBe("3 h 1 min");
  });
});
