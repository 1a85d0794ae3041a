import { DEFAULT_ARENA_SETTINGS, fixedReason, ZCreateProjectBody, ZUpdateProjectBody } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-error";
import { keyOf } from "../components/aspects-editor";
import { apiErrors, arenaBodyOf, arenaDraftOf, bodyOf, issuesToErrors, NEW_PROJECT } from "./draft";

describe("project draft", () => {
  it("becomes the API's body: flags split, lease in seconds, overlap a number", () => {
    const body = bodyOf(
      { ...NEW_PROJECT, name: "x", flags: " unsafe, ,off-topic ", leaseMinutes: "2.5" },
      null,
    );
    expect(body).toMatchObject({ leaseSeconds: 150, judgmentsPerItem: 3 });
    expect(body.questions.flags).toEqual(["unsafe", "off-topic"]);
    expect(ZCreateProjectBody.safeParse(body).success).toBe(true);
  });

  it("puts zod issues and the API's 400 details on the same field keys", () => {
    const parsed = ZCreateProjectBody.safeParse(
      bodyOf(
        {
          ...NEW_PROJECT,
          name: "x",
          questions: { ...NEW_PROJECT.questions, aspects: [{ key: "Bad", label: "B", scale: 5 }] },
        },
        null,
      ),
    );
    expect(parsed.success).toBe(false);
    expect(Object.keys(issuesToErrors(parsed.error!.issues))).toEqual(["questions.aspects.0.key"]);
    const err = new ApiError(400, "validation_error", "x", [
      { path: "body.questions.aspects.0.key", message: "is repeated" },
    ]);
    expect(apiErrors(err)).toEqual({ "questions.aspects.0.key": "is repeated" });
    expect(apiErrors(new Error("offline"))).toEqual({});
  });

  it("derives aspect keys from labels", () => {
    expect(keyOf("Factual accuracy")).toBe("factual_accuracy");
    expect(keyOf("2nd opinion!")).toBe("nd_opinion");
  });

  it("fixes the task once items exist and the questions once answers exist", () => {
    expect(fixedReason("questions", { items: 3, judgments: 0 })).toBeNull();
    expect(fixedReason("taskType", { items: 3, judgments: 0 })).toBe(
      "taskType is fixed once items exist; duplicate the project to change it",
    );
    expect(fixedReason("questions", { items: 3, judgments: 1 })).toMatch(
      /^questions is fixed once answers exist/,
    );
  });

  it("sends arena settings only for an arena project, and reads them back unchanged", () => {
    expect(bodyOf({ ...NEW_PROJECT, name: "x" }, null)).not.toHaveProperty("arena");
    const body = bodyOf({ ...NEW_PROJECT, name: "x", mode: "arena" }, null);
    expect(body.mode).toBe("arena");
    expect(body.arena).toEqual(DEFAULT_ARENA_SETTINGS);
    expect(ZCreateProjectBody.safeParse(body).success).toBe(true);
    const custom = {
      ...DEFAULT_ARENA_SETTINGS,
      limits: { ...DEFAULT_ARENA_SETTINGS.limits, maxTurns: 3, tokenBudget: 5000 },
      moderation: { patterns: ["x"], endpointUrl: "https://m.example.com/v1/moderations" },
    };
    expect(arenaBodyOf(arenaDraftOf(custom))).toEqual(custom);
  });

  it("keeps a half-typed arena limit invalid and names its field, as the API does", () => {
    const arena = arenaDraftOf(DEFAULT_ARENA_SETTINGS);
    const body = arenaBodyOf({
      ...arena,
      limits: { ...arena.limits, maxTurns: "0", promptChars: "" },
      unlimitedBudget: false,
      tokenBudget: "",
      endpointUrl: "  ",
    });
    expect(body.moderation.endpointUrl).toBeNull();
    const parsed = ZUpdateProjectBody.safeParse({ arena: body });
    expect(Object.keys(issuesToErrors(parsed.error!.issues)).sort()).toEqual([
      "arena.limits.maxTurns",
      "arena.limits.promptChars",
      "arena.limits.tokenBudget",
    ]);
    const err = new ApiError(400, "validation_error", "x", [
      { path: "body.arena.limits.maxTurns", message: "too small" },
    ]);
    expect(apiErrors(err)).toEqual({ "arena.limits.maxTurns": "too small" });
  });

  it("fixes the mode once items exist", () => {
    expect(fixedReason("mode", { items: 0, judgments: 0 })).toBeNull();
    expect(fixedReason("mode", { items: 1, judgments: 0 })).toMatch(/^mode is fixed once items exist/);
  });
});
