import type { TAnnotatorQuality } from "@arbiter/shared";
import type { BadgeTone } from "@/components/ui";

export type Column =
  | "name"
  | "status"
  | "judgments"
  | "gold"
  | "agreement"
  | "firstShown"
  | "tie"
  | "bothBad"
  | "median"
  | "fast";

export const COLUMN_VALUE: Record<Column, (a: TAnnotatorQuality) => string | number | null> = {
  name: (a) => a.user.name,
  status: (a) => STATUS_ORDER[a.status],
  judgments: (a) => a.judgments,
  gold: (a) => a.goldAccuracy,
  agreement: (a) => a.agreement,
  firstShown: (a) => a.firstShownShare,
  tie: (a) => a.tieRate,
  bothBad: (a) => a.bothBadRate,
  median: (a) => a.medianSeconds,
  fast: (a) => a.fastShare,
};

// Sorting by status brings the annotators who need attention to the top.
const STATUS_ORDER: Record<TAnnotatorQuality["status"], number> = {
  QUARANTINED: 0,
  REJECTED: 1,
  QUALIFYING: 2,
  ADMITTED: 3,
};

export const STATUS: Record<TAnnotatorQuality["status"], { label: string; tone: BadgeTone }> = {
  ADMITTED: { label: "Admitted", tone: "success" },
  QUALIFYING: { label: "Qualifying", tone: "accent" },
  REJECTED: { label: "Not qualified", tone: "neutral" },
  QUARANTINED: { label: "Quarantined", tone: "danger" },
};

export const FLAG_LABEL: Record<TAnnotatorQuality["flags"][number]["kind"], string> = {
  low_gold_accuracy: "Low gold accuracy",
  position_bias: "Position bias",
  too_fast: "Too fast",
  low_agreement: "Low agreement",
};

/** A p-value readable at a glance: small ones in scientific notation. */
export function pValue(p: number | null): string {
  if (p === null) return "—";
  if (p < 0.001) return `p = ${p.toExponential(1)}`;
  return `p = ${p.toFixed(3)}`;
}

export function seconds(s: number | null): string {
  if (s === null) return "—";
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

/** Position bias of the model fit, signed, with the side it leans to. */
export function positionBias(b: number): string {
  if (Math.abs(b) < 0.005) return "0.00";
  return `${b > 0 ? "+" : "−"}${Math.abs(b).toFixed(2)} ${b > 0 ? "first" : "second"}`;
}
