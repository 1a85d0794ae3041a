import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { JoinFlow } from "@/features/join/join-flow";
import { joinRequestFrom } from "@/features/join/platform-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("join"))("metaTitle"), robots: { index: false } };
}

export default async function JoinRoute({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query, t] = await Promise.all([params, searchParams, getTranslations("join")]);
  return (
    <div className={styles.page}>
      <div className={styles.panel} style={{ width: "min(100%, 480px)" }}>
        <div className={styles.brand}>
          <Logo size={28} />
          Arbiter
        </div>
        <JoinFlow slug={slug} request={joinRequestFrom(query)} />
        <p className={styles.footer}>{t("footer")}</p>
      </div>
    </div>
  );
}
