/**
 * The items browser's filters as they live in the URL: each one a query parameter the API
 * takes as is, so a filtered view can be linked and reloaded. Agreement is a bucket here
 * (low: below 70 %, high: 100 %), sent as agreementBelow / agreementAtLeast.
 */
export type ItemFilters = {
  status?: "OPEN" | "COMPLETE" | "DISABLED";
  gold?: "true" | "false";
  model?: string;
  agreement?: "low" | "high";
  flagged?: "true" | "false";
  hasRationale?: "true" | "false";
  q?: string;
};

export const LOW_AGREEMENT = 0.7;
const KEYS = ["status", "gold", "model", "agreement", "flagged", "hasRationale", "q"] as const;
const ALLOWED: Partial<Record<(typeof KEYS)[number], readonly string[]>> = {
  status: ["OPEN", "COMPLETE", "DISABLED"],
  gold: ["true", "false"],
  agreement: ["low", "high"],
  flagged: ["true", "false"],
  hasRationale: ["true", "false"],
};

/** Reads filters from URL search params, dropping values the API would refuse. */
export function filtersFrom(params: Record<string, string | string[] | undefined>): ItemFilters {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const raw = params[key];
    const value = typeof raw === "string" ? raw.trim() : "";
    if (!value || value.length > 200) continue;
    const allowed = ALLOWED[key];
    if (allowed && !allowed.includes(value)) continue;
    out[key] = value;
  }
  return out as ItemFilters;
}

/** The page's own URL query for these filters. */
export function filtersToSearch(f: ItemFilters): string {
  const search = new URLSearchParams();
  for (const key of KEYS) if (f[key]) search.set(key, f[key]!);
  return search.toString();
}

/** The API's query for these filters (without cursor and limit). */
export type ItemQuery = Omit<ItemFilters, "agreement"> & {
  agreementBelow?: number;
  agreementAtLeast?: number;
};

export function filtersToApi({ agreement, ...rest }: ItemFilters): ItemQuery {
  if (agreement === "low") return { ...rest, agreementBelow: LOW_AGREEMENT };
  if (agreement === "high") return { ...rest, agreementAtLeast: 1 };
  return rest;
}

/** What an empty list means under these filters, e.g. "No flagged items". */
export function emptyTitle(f: ItemFilters): string {
  const words: string[] = [];
  if (f.status === "OPEN") words.push("open");
  if (f.status === "COMPLETE") words.push("complete");
  if (f.status === "DISABLED") words.push("retired");
  if (f.gold === "true") words.push("gold");
  if (f.flagged === "true") words.push("flagged");
  if (f.agreement === "low") words.push("low-agreement");
  if (f.agreement === "high") words.push("unanimous");
  let title = `No ${words.join(", ")}${words.length ? " " : ""}items`;
  if (f.model) title += ` comparing ${f.model}`;
  if (f.hasRationale === "true") title += " with rationales";
  if (f.q) title += ` matching “${f.q}”`;
  return title;
}

export const hasFilters = (f: ItemFilters) => KEYS.some((k) => f[k]);
