import type { TExportFormat, TExportRequestInput } from "@arbiter/shared";

export type SplitRow = { key: number; name: string; percent: string };

/** What the panel's controls hold: text as typed, so an empty box means "no filter". */
export type ExportForm = {
  format: TExportFormat;
  aggregation: TExportRequestInput["aggregation"] & string;
  pairs: "all" | "adjacent" | "best-vs-rest";
  minJudgments: string;
  /** Percent, 0..100. */
  minAgreement: string;
  minStrength: string;
  dropTies: boolean;
  dropBothBad: boolean;
  excludeGold: boolean;
  excludeQuarantined: boolean;
  excludeTooFast: boolean;
  /** yyyy-mm-dd, read as UTC days. */
  from: string;
  to: string;
  splits: SplitRow[];
  seed: string;
  margin: boolean;
  groupId: boolean;
  metadata: boolean;
  compress: boolean;
};

export const PAIR_FORMATS: TExportFormat[] = ["trl", "hh", "openai-dpo"];
export const isPairFormat = (f: TExportFormat) => PAIR_FORMATS.includes(f);

export const FORMAT_INFO: Record<TExportFormat, { label: string; hint: string }> = {
  trl: { label: "TRL", hint: "prompt, chosen, rejected — Hugging Face TRL (DPO, reward)" },
  hh: { label: "HH-RLHF", hint: "chosen and rejected transcripts, Anthropic style" },
  "openai-dpo": { label: "OpenAI DPO", hint: "input, preferred_output, non_preferred_output" },
  kto: {
    label: "KTO",
    hint: "prompt, completion, label — TRL's unpaired form: chosen true, rejected false, both bad two false",
  },
  ranked: { label: "Ranked", hint: "prompt, all completions and the ranking (K-wise)" },
  raw: { label: "Raw", hint: "every judgment with its details, for your own aggregation" },
};

export const SPLIT_PRESETS: { label: string; splits: [string, number][] }[] = [
  { label: "All train", splits: [["train", 100]] },
  {
    label: "90 / 10",
    splits: [
      ["train", 90],
      ["test", 10],
    ],
  },
  {
    label: "80 / 10 / 10",
    splits: [
      ["train", 80],
      ["validation", 10],
      ["test", 10],
    ],
  },
];

let splitKey = 0;
export const splitRows = (splits: [string, number][]): SplitRow[] =>
  splits.map(([name, percent]) => ({ key: ++splitKey, name, percent: String(percent) }));

export function defaultForm(): ExportForm {
  return {
    format: "trl",
    aggregation: "per-judgment",
    pairs: "all",
    minJudgments: "",
    minAgreement: "",
    minStrength: "",
    dropTies: true,
    dropBothBad: true,
    excludeGold: true,
    excludeQuarantined: true,
    excludeTooFast: true,
    from: "",
    to: "",
    splits: splitRows([
      ["train", 90],
      ["test", 10],
    ]),
    seed: "arbiter",
    margin: false,
    groupId: false,
    metadata: false,
    compress: true,
  };
}

const numberOrUndefined = (text: string) => (text.trim() === "" ? undefined : Number(text));

/**
 * The API request for the form. Options a format cannot use are left out (ties in a pair
 * format, aggregation of raw rows), so switching format never leaves a hidden error behind.
 */
export function toRequest(form: ExportForm): TExportRequestInput {
  const pairFormat = isPairFormat(form.format);
  const raw = form.format === "raw";
  // KTO keeps both-bad (two undesirable rows) but has no row for a tie and no margin.
  const kto = form.format === "kto";
  const agreement = numberOrUndefined(form.minAgreement);
  return {
    format: form.format,
    aggregation: raw ? "per-judgment" : form.aggregation,
    ...(pairFormat ? { pairs: form.pairs } : {}),
    ...(numberOrUndefined(form.minJudgments) !== undefined
      ? { minJudgments: numberOrUndefined(form.minJudgments) }
      : {}),
    ...(agreement !== undefined ? { minAgreement: Math.round(agreement * 100) / 10_000 } : {}),
    ...(form.minStrength ? { minStrength: Number(form.minStrength) } : {}),
    dropTies: pairFormat || kto ? true : form.dropTies,
    dropBothBad: pairFormat ? true : form.dropBothBad,
    excludeGold: form.excludeGold,
    excludeQuarantined: form.excludeQuarantined,
    excludeTooFast: form.excludeTooFast,
    ...(form.from ? { from: `${form.from}T00:00:00.000Z` } : {}),
    ...(form.to ? { to: `${form.to}T23:59:59.999Z` } : {}),
    splits: Object.fromEntries(form.splits.map((s) => [s.name.trim(), Number(s.percent) / 100])),
    seed: form.seed,
    include: raw
      ? { margin: false, groupId: false, metadata: false }
      : {
          margin: form.format !== "ranked" && !kto && form.margin,
          groupId: form.groupId,
          metadata: form.metadata,
        },
    compress: form.compress,
  };
}

export type FieldErrors = Partial<Record<string, string>>;

/** Mistakes the API would also refuse, said in the form's own terms (percent, not shares). */
export function formErrors(form: ExportForm): FieldErrors {
  const errors: FieldErrors = {};
  const agreement = numberOrUndefined(form.minAgreement);
  if (agreement !== undefined && !(agreement >= 0 && agreement <= 100))
    errors.minAgreement = "Enter a percentage from 0 to 100";
  const names = form.splits.map((s) => s.name.trim());
  if (new Set(names).size !== names.length) errors.splits = "Each split needs its own name";
  else if (form.splits.some((s) => !(Number(s.percent) > 0)))
    errors.splits = "Each split needs a share above 0%";
  else {
    const total = form.splits.reduce((sum, s) => sum + Number(s.percent), 0);
    if (Math.abs(total - 100) > 1e-6) errors.splits = `Shares add up to ${round(total)}%, not 100%`;
  }
  if (form.from && form.to && form.from > form.to) errors.to = "Must not be before the start date";
  return errors;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The details of an API 400, keyed by the control that shows them: `body.splits.train` ->
 * splits, `body.include.margin` -> include.
 */
export function apiFieldErrors(details: unknown): FieldErrors {
  if (!Array.isArray(details)) return {};
  const errors: FieldErrors = {};
  for (const d of details as { path?: string; message?: string }[]) {
    const field = d.path?.replace(/^body\.?/, "").split(".")[0];
    if (field && !errors[field]) errors[field] = capitalise(d.message ?? "is not valid");
  }
  return errors;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
