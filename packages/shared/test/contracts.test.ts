import { describe, expect, it } from "vitest";
import { ZCreateProjectBody, ZEmail, ZExportRequest, ZJoinBody } from "../src";

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
