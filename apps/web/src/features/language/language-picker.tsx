"use client";

import type { TLocale } from "@arbiter/shared";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField, useToast } from "@/components/ui";
import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from "@/i18n/locales";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The app's language. Kept in a cookie for this device (so the sign-in page and a crowd
 * participant's pages follow it too) and, when signed in, on the account, which wins on
 * every device. "The browser's language" clears both.
 */
export function LanguagePicker({ chosen, signedIn }: { chosen: TLocale | null; signedIn: boolean }) {
  const t = useTranslations("language");
  const tc = useTranslations("common");
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState<string>(chosen ?? "");
  const [busy, setBusy] = useState(false);

  async function change(next: string) {
    const locale = (next || null) as TLocale | null;
    setValue(next);
    setBusy(true);
    try {
      if (signedIn) await call(browserApi.PATCH("/api/v1/me", { body: { locale } }));
      document.cookie = locale
        ? `${LOCALE_COOKIE}=${locale}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`
        : `${LOCALE_COOKIE}=; path=/; max-age=0; samesite=lax`;
      router.refresh();
    } catch (err) {
      setValue(chosen ?? "");
      toast({
        message: t("failed", { reason: err instanceof ApiError ? err.message : tc("noConnection") }),
        tone: "error",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <SelectField
      label={t("label")}
      small
      value={value}
      disabled={busy}
      onChange={(e) => void change(e.target.value)}
      data-testid="language-picker"
      options={[
        { value: "", label: t("browser") },
        ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
      ]}
    />
  );
}
