import type { Cell } from "./csv";

export const pct = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? "–" : `${(x * 100).toFixed(digits)}%`;

export const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "–" : x.toFixed(digits);

export const int = (x: number) => Math.round(x).toLocaleString("en");

/** Numbers in CSV cells keep full precision, rounded only to what the data supports. */
export const raw = (x: number | null | undefined, digits = 4): Cell =>
  x === null || x === undefined ? null : Number(x.toFixed(digits));

export function hours(h: number | null): string {
  if (h === null) return "–";
  if (h === 0) return "Done";
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${h.toFixed(h < 10 ? 1 : 0)} h`;
  return `${(h / 24).toFixed(1)} days`;
}

/** The window a rate was measured over: "the last 24 h", or "the last 2.5 h" for a project that started since. */
export const rateWindow = (h: number) => `the last ${h >= 23.95 ? "24" : h.toFixed(h < 10 ? 1 : 0)} h`;
