import { describe, expect, it } from "vitest";
import {
  ZCreateGeneratorBody,
  ZCreateProjectBody,
  ZEmail,
  ZExportRequest,
  ZGeneratorTestResponse,
  ZJoinBody,
} from "../src";

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((i) => i.path.join(".")) ?? [];
}

describe("project contract", () => {
  it("gives pairwise projects two options and ranking projects four unless told", () => {
    expect(ZCreateProjectBody.parse({ name: "P" }).optionsPerItem).toBe(2);
    expect(ZCreateProjectBody.parse({ name: "R", taskType: "ranking" }).optionsPerItem).toBe(4);
  });

  it("names optionsPerItem when it does not fit the task type", () => {
    expect(issuePaths(ZCreateProjectBody.safeParse({ name: "P", optionsPerItem: 3 }))).toEqual([
      "optionsPerItem",
    ]);
    expect(
      issuePaths(ZCreateProjectBody.safeParse({ name: "R", taskType: "ranking", optionsPerItem: 2 })),
    ).toEqual(["optionsPerItem"]);
  });

  it("keeps crowd entry closed by default", () => {
    expect(ZCreateProjectBody.parse({ name: "P" }).crowd).toMatchObject({
      enabled: false,
      completionCode: "",
    });
  });
});

describe("export request contract", () => {
  it("defaults keep only real preferences from trusted annotators", () => {
    expect(ZExportRequest.parse({ format: "trl" })).toMatchObject({
      aggregation: "per-judgment",
      dropTies: true,
      dropBothBad: true,
      excludeGold: true,
      excludeQuarantined: true,
      excludeTooFast: true,
      splits: { train: 1 },
      compress: true,
    });
  });

  it("refuses ties in a pair format, splits that do not add up and unknown fields, naming each", () => {
    expect(issuePaths(ZExportRequest.safeParse({ format: "hh", dropTies: false }))).toEqual(["dropTies"]);
    expect(
      issuePaths(ZExportRequest.safeParse({ format: "trl", splits: { train: 0.9, test: 0.2 } })),
    ).toEqual(["splits"]);
    expect(ZExportRequest.safeParse({ format: "trl", colour: "red" }).success).toBe(false);
    expect(issuePaths(ZExportRequest.safeParse({ format: "raw", aggregation: "majority" }))).toEqual([
      "aggregation",
    ]);
  });
});

describe("small contracts", () => {
  it("emails are trimmed and lower-cased, so lookups are exact", () => {
    expect(ZEmail.parse("  Ann@Example.COM ")).toBe("ann@example.com");
  });

  it("a crowd participant id is letters, digits, - or _ only", () => {
    expect(ZJoinBody.safeParse({ platform: "prolific", participantId: "5f1a-b_2" }).success).toBe(true);
    expect(issuePaths(ZJoinBody.safeParse({ platform: "mturk", participantId: "a b" }))).toEqual([
      "participantId",
    ]);
  });
});

describe("generator contract", () => {
  const base = { name: "G", baseUrl: "https://gpu.example/v1", model: "m" };

  it("takes a key, and an operator's variable only under ARBITER_GENERATOR_KEY_*", () => {
    expect(
      ZCreateGeneratorBody.safeParse({ ...base, apiKey: "sk-1", apiKeyEnv: "ARBITER_GENERATOR_KEY_A" })
        .success,
    ).toBe(true);
    for (const apiKeyEnv of [
      "DATABASE_URL",
      "ARBITER_SECRET",
      "ARBITER_ADMIN_PASSWORD",
      "arbiter_generator_key_a",
    ]) {
      expect(issuePaths(ZCreateGeneratorBody.safeParse({ ...base, apiKeyEnv }))).toEqual(["apiKeyEnv"]);
    }
    expect(issuePaths(ZCreateGeneratorBody.safeParse({ ...base, apiKey: "has space" }))).toEqual(["apiKey"]);
    expect(ZCreateGeneratorBody.safeParse({ ...base, apikey: "typo" }).success).toBe(false);
  });

  it("names baseUrl for credentials in the URL and for anything that is no http(s) URL, without throwing", () => {
    for (const baseUrl of ["https://u:p@gpu.example/v1", "", "x".repeat(50), "ftp://gpu.example/v1"]) {
      expect(issuePaths(ZCreateGeneratorBody.safeParse({ ...base, baseUrl })), baseUrl).toContain("baseUrl");
    }
  });

  it("a connection test answer carries no field for the server's text", () => {
    const failed = { ok: false, error: "server_error", message: "m", status: 500, latencyMs: 3 };
    expect(ZGeneratorTestResponse.safeParse(failed).success).toBe(true);
    expect(ZGeneratorTestResponse.safeParse({ ...failed, body: "upstream" }).success).toBe(false);
    expect(
      ZGeneratorTestResponse.safeParse({ ok: true, status: 200, latencyMs: 3, model: "m", text: "x" })
        .success,
    ).toBe(false);
  });
});
