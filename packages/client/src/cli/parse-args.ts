import { InvalidArgumentError } from "commander";

// Parsers for option values: a bad value is commander's usage error (exit 2) naming the option.

// Only the syntax is checked here: ranges are the API's to enforce (a 400 naming the field).

/** A whole number, zero or more. */
export function integer(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
}

export function decimal(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number");
  return n;
}

/** `a,b,c` → ["a", "b", "c"]. */
export function commaList(value: string): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError("expected a comma-separated list");
  return items;
}

/** `train=0.9,test=0.1` → { train: 0.9, test: 0.1 }. */
export function splits(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of commaList(value)) {
    const [name, share] = part.split("=");
    const n = Number(share);
    if (!name || share === undefined || share.trim() === "" || !Number.isFinite(n))
      throw new InvalidArgumentError(`"${part}": expected name=share, e.g. train=0.9`);
    out[name.trim()] = n;
  }
  return out;
}

/** Repeatable `--param key=value`: the value as JSON when it reads as JSON, else as text. */
export function keyValue(value: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const at = value.indexOf("=");
  if (at <= 0) throw new InvalidArgumentError(`"${value}": expected key=value`);
  const raw = value.slice(at + 1);
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // Plain text, e.g. --param stop=END.
  }
  return { ...previous, [value.slice(0, at).trim()]: parsed };
}

/** Repeatable option gathering every value. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function isoDate(value: string): string {
  const at = Date.parse(value);
  if (Number.isNaN(at))
    throw new InvalidArgumentError("expected a date, e.g. 2026-01-31 or 2026-01-31T12:00:00Z");
  return new Date(at).toISOString();
}
