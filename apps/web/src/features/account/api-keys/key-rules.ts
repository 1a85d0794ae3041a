import type { TApiKey } from "@arbiter/shared";

export type KeyStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: it was a decision, expiry only a date. */
export function keyStatus(key: TApiKey, now = Date.now()): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return "expired";
  return "active";
}

/** The expiry choices the create dialog offers; "date" asks for a calendar day. */
export const EXPIRY_CHOICES = [
  { value: "never", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "date", label: "On a date…" },
] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]["value"];

const DAY_MS = 86_400_000;
const MAX_DAYS = 3650;

/**
 * The API takes whole days from now. A chosen date becomes the days until the end of that
 * local day, so the key works through the day picked; `error` when the date cannot be used.
 */
export function expiresInDays(
  choice: ExpiryChoice,
  date: string,
  now = new Date(),
): { days?: number; error?: string } {
  if (choice === "never") return {};
  if (choice !== "date") return { days: Number(choice) };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: "pick a date" };
  const endOfDay = new Date(`${date}T00:00:00`);
  endOfDay.setDate(endOfDay.getDate() + 1);
  const days = Math.floor((endOfDay.getTime() - now.getTime()) / DAY_MS);
  if (days < 1) return { error: "must be at least a day from now" };
  if (days > MAX_DAYS) return { error: "must be within 10 years" };
  return { days };
}
