import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { currentUser } from "@/lib/server-api";
import { LanguagePicker } from "./language-picker";

/** The language picker, showing the choice in force: the account's, else this device's. */
export async function LanguageSetting() {
  const [user, jar] = await Promise.all([currentUser().catch(() => null), cookies()]);
  const cookie = jar.get(LOCALE_COOKIE)?.value;
  const chosen = user?.locale ?? (isLocale(cookie) ? cookie : null);
  return <LanguagePicker chosen={chosen} signedIn={Boolean(user)} />;
}
