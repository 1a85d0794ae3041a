import { LOCALES, type TLocale } from "@arbiter/shared";

export { LOCALES, type TLocale };
export const DEFAULT_LOCALE: TLocale = "en";

/** The device's choice, for visitors without an account setting (sign-in, crowd participants). */
export const LOCALE_COOKIE = "arbiter_locale";

/** Each language named in itself, so whoever cannot read the current one still finds theirs. */
export const LOCALE_NAMES: Record<TLocale, string> = { en: "English", de: "Deutsch", es: "Español" };

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best shipped language for an Accept-Language header: by quality, then order; a
 * regional tag ("de-AT") falls back to its language. Null when none is shipped.
 */
export function negotiate(acceptLanguage: string | null | undefined): TLocale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (isLocale(language)) return language;
  }
  return null;
}

/** The user's setting, else the device's cookie, else the browser's languages, else English. */
export function pickLocale(sources: {
  setting?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): TLocale {
  if (isLocale(sources.setting)) return sources.setting;
  if (isLocale(sources.cookie)) return sources.cookie;
  return negotiate(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}
