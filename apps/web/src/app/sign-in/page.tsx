import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { fetchAuthProviders } from "@/features/auth/providers";
import { signInErrorCode } from "@/features/auth/sign-in-errors";
import { SignInForm } from "@/features/auth/sign-in-form";
import { SsoButtons } from "@/features/auth/sso-buttons";
import { LanguageSetting } from "@/features/language/language-setting";
import { homeFor } from "@/lib/roles";
import { currentUser } from "@/lib/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("metaTitle") };
}

type Params = {
  next?: string | string[];
  email?: string | string[];
  joined?: string | string[];
  error?: string | string[];
};
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user.role));
  const params = await searchParams;
  const next = one(params.next);
  const email = one(params.email)?.slice(0, 320);
  // A fixed message, chosen by a flag: nothing from the URL is shown as text but the email.
  const joining = one(params.joined) === "invite";
  // Where single sign-on failed: shown only as one of the known messages, never as given.
  const error = signInErrorCode(one(params.error));
  const providers = await fetchAuthProviders();
  const t = await getTranslations("signIn");
  return (
    <div className={styles.page}>
      <div className={styles.panel}>
        <div className={styles.brand}>
          <Logo size={28} />
          Arbiter
        </div>
        <div className={styles.card}>
          <h1 className={styles.title}>{joining ? t("titleJoining") : t("title")}</h1>
          {joining ? (
            <p className={styles.notice} role="status" data-testid="invite-pending">
              {t("invitePending")}
            </p>
          ) : (
            <p className={styles.subtitle}>{t("subtitle")}</p>
          )}
          <SsoButtons providers={providers} next={next} />
          <SignInForm next={next} email={email} initialError={error} />
        </div>
        <div className={styles.footer}>
          <p>{t("footer")}</p>
          <div className={styles.footerControl}>
            <LanguageSetting />
          </div>
        </div>
      </div>
    </div>
  );
}
