import { ZExportRequest } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { apiFieldErrors, defaultForm, formErrors, splitRows, toRequest } from "./form";

describe("toRequest", () => {
  it("gives a request the API accepts, with defaults that keep only real preferences", () => {
    const req = ZExportRequest.parse(toRequest(defaultForm()));
    expect(req).toMatchObject({
      format: "trl",
      dropTies: true,
      dropBothBad: true,
      excludeGold: true,
      splits: { train: 0.9, test: 0.1 },
    });
  });

  it("leaves out what a format cannot use, so switching format never hides an error", () => {
    const form = {
      ...defaultForm(),
      dropTies: false,
      dropBothBad: false,
      margin: true,
      aggregation: "majority" as const,
    };
    expect(toRequest(form)).toMatchObject({ dropTies: true, dropBothBad: true });
    expect(ZExportRequest.safeParse(toRequest({ ...form, format: "raw" })).success).toBe(true);
    expect(toRequest({ ...form, format: "ranked" })).toMatchObject({
      dropTies: false,
      include: { margin: false },
    });
    const kto = toRequest({ ...form, format: "kto" });
    expect(kto).toMatchObject({ dropTies: true, dropBothBad: false, include: { margin: false } });
    expect(ZExportRequest.safeParse(kto).success).toBe(true);
    expect(
      ZExportRequest.safeParse(toRequest({ ...form, format: "kto", aggregation: "dawid-skene" })).success,
    ).toBe(true);
  });

  it("turns percentages into shares and days into UTC bounds; empty boxes are no filter", () => {
    const form = {
      ...defaultForm(),
      minAgreement: "66.7",
      minJudgments: "3",
      from: "2026-01-01",
      to: "2026-01-31",
      splits: splitRows([
        ["train", 80],
        ["validation", 10],
        ["test", 10],
      ]),
    };
    const req = ZExportRequest.parse(toRequest(form));
    expect(req).toMatchObject({
      minAgreement: 0.667,
      minJudgments: 3,
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-31T23:59:59.999Z",
    });
    expect(toRequest(defaultForm())).not.toHaveProperty("minAgreement");
  });
});

describe("errors", () => {
  it("catches shares that do not add up, twice-used names and inverted dates", () => {
    const form = defaultForm();
    expect(formErrors(form)).toEqual({});
    expect(formErrors({ ...form, splits: splitRows([["train", 95]]) }).splits).toMatch(/95%/);
    expect(
      formErrors({
        ...form,
        splits: splitRows([
          ["a", 50],
          ["a", 50],
        ]),
      }).splits,
    ).toMatch(/own name/);
    expect(formErrors({ ...form, from: "2026-02-01", to: "2026-01-01" }).to).toBeDefined();
    expect(formErrors({ ...form, minAgreement: "150" }).minAgreement).toBeDefined();
  });

  it("puts the API's field errors on the control that shows the field", () => {
    expect(
      apiFieldErrors([
        { path: "body.splits.Train", message: "must be lower-case" },
        { path: "body.include.margin", message: "expected boolean" },
        { path: "body.seed", message: "too short" },
      ]),
    ).toEqual({ splits: "Must be lower-case", include: "Expected boolean", seed: "Too short" });
    expect(apiFieldErrors(undefined)).toEqual({});
  });
});
