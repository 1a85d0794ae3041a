import type { TAuthProvider } from "@arbiter/shared";
import { getTranslations } from "next-intl/server";
import { ButtonAnchor } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";

/**
 * One "Sign in with <provider>" per configured identity provider. Plain links: the API
 * answers with a redirect to the provider, so the whole flow is browser navigations.
 * `next` is passed on as given; the API keeps it only if it stays on this site.
 */
export async function SsoButtons({ providers, next }: { providers: TAuthProvider[]; next?: string }) {
  if (providers.length === 0) return null;
  const t = await getTranslations("signIn");
  const query = next ? `?${new URLSearchParams({ next })}` : "";
  return (
    <>
      <div className={styles.sso} data-testid="sso-providers">
        {providers.map((p) => (
          <ButtonAnchor key={p.id} href={`${p.startUrl}${query}`} size="lg" block>
            {t("withProvider", { name: p.name })}
          </ButtonAnchor>
        ))}
      </div>
      <p className={styles.divider}>{t("orPassword")}</p>
    </>
  );
}
