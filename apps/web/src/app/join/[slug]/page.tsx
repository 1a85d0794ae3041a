import type { Metadata } from "next";
import { Logo } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { JoinFlow } from "@/features/join/join-flow";
import { joinRequestFrom } from "@/features/join/platform-params";

export const metadata: Metadata = { title: "Study", robots: { index: false } };

export default async function JoinRoute({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return (
    <div className={styles.page}>
      <div className={styles.panel} style={{ width: "min(100%, 480px)" }}>
        <div className={styles.brand}>
          <Logo size={28} />
          Arbiter
        </div>
        <JoinFlow slug={slug} request={joinRequestFrom(query)} />
        <p className={styles.footer}>Exports identify you by a pseudonym, never by your platform id.</p>
      </div>
    </div>
  );
}
