import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/server-api";
import { LOCALE_COOKIE, pickLocale } from "./locales";

/**
 * The locale of this request (no locale in the URL): the signed-in user's setting, the
 * device's cookie, the browser's Accept-Language. Only that locale's messages are loaded,
 * here on the server.
 */
export default getRequestConfig(async () => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  // A page that cannot reach the API still renders (its own error state), in the browser's language.
  const user = await currentUser().catch(() => null);
  const locale = pickLocale({
    setting: user?.locale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head.get("accept-language"),
  });
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
