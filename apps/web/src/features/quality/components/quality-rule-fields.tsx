import type { TQualityRules } from "@arbiter/shared";
import { Input } from "@/components/ui";

const num = (data: FormData, key: string) => Number(data.get(key));
const share = (data: FormData, key: string) => Number(data.get(key)) / 100;
const asPct = (v: number) => Math.round(v * 1000) / 10;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The gold rate and quality rules as the form holds them; percentages on screen are shares in the API. */
export function readQualityRules(data: FormData): { goldRate: number; quality: TQualityRules } {
  return {
    goldRate: share(data, "goldRate"),
    quality: {
      qualificationItems: num(data, "qualificationItems"),
      qualificationMinAccuracy: share(data, "qualificationMinAccuracy"),
      goldHonestAccuracy: share(data, "goldHonestAccuracy"),
      quarantineOdds: num(data, "quarantineOdds"),
      minGoldAnswers: num(data, "minGoldAnswers"),
      positionBiasMinJudgments: num(data, "positionBiasMinJudgments"),
      positionBiasP: num(data, "positionBiasP"),
      fastSeconds: num(data, "fastSeconds"),
    },
  };
}

/**
 * The gold and quality-control inputs, uncontrolled and named for readQualityRules: the
 * quality page and the project wizard and settings show the same fields. `errorOf` gets an
 * input's name (goldRate, fastSeconds, …) and returns its error, if any.
 */
export function QualityRuleFields({
  goldRate,
  quality: q,
  errorOf,
}: {
  goldRate: number;
  quality: TQualityRules;
  errorOf: (name: string) => string | undefined;
}) {
  const field = (
    name: string,
    label: string,
    value: number,
    props: Record<string, unknown>,
    hint?: string,
  ) => {
    const error = errorOf(name);
    return (
      <Input
        label={label}
        name={name}
        type="number"
        defaultValue={value}
        required
        hint={hint}
        error={error ? capitalise(error) : undefined}
        {...props}
      />
    );
  };
  return (
    <>
      {field(
        "goldRate",
        "Gold rate (%)",
        asPct(goldRate),
        { min: 0, max: 100, step: 0.1 },
        "Share of served items that are gold",
      )}
      {field(
        "qualificationItems",
        "Qualification items",
        q.qualificationItems,
        { min: 0, max: 100 },
        "First N items of a newcomer are gold; 0 = none",
      )}
      {field(
        "qualificationMinAccuracy",
        "Pass mark (%)",
        asPct(q.qualificationMinAccuracy),
        { min: 0, max: 100, step: 0.1 },
        "Gold accuracy needed to be admitted",
      )}
      {field("minGoldAnswers", "Gold answers before quarantine", q.minGoldAnswers, { min: 1, max: 1000 })}
      {field(
        "goldHonestAccuracy",
        "Honest accuracy (%)",
        asPct(q.goldHonestAccuracy),
        { min: 50, max: 99, step: 0.1 },
        "What an attentive annotator gets right",
      )}
      {field(
        "quarantineOdds",
        "Quarantine at odds",
        q.quarantineOdds,
        { min: 2, step: "any" },
        "Odds for chance-level answering, to 1",
      )}
      {field(
        "positionBiasMinJudgments",
        "Position test after",
        q.positionBiasMinJudgments,
        { min: 10, max: 10000 },
        "Judgments before the position-bias test",
      )}
      {field(
        "positionBiasP",
        "Position bias p below",
        q.positionBiasP,
        { min: 1e-12, max: 0.5, step: "any" },
        "Strict: the test repeats after every answer",
      )}
      {field("fastSeconds", "Too fast below (s)", q.fastSeconds, { min: 0, max: 600, step: 0.1 })}
    </>
  );
}
