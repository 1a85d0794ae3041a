import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { SignInForm } from "@/features/auth/sign-in-form";
import { homeFor } from "@/lib/roles";
import { currentUser } from "@/lib/server-api";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user.role));
  const { next } = await searchParams;
  return (
    <div className={styles.page}>
      <div className={styles.panel}>
        <div className={styles.brand}>
          <Logo size={28} />
          Arbiter
        </div>
        <div className={styles.card}>
          <h1 className={styles.title}>Sign in</h1>
          <p className={styles.subtitle}>Compare answers, train better models.</p>
          <SignInForm next={typeof next === "string" ? next : undefined} />
        </div>
        <p className={styles.footer}>Accounts are created by your Arbiter administrator.</p>
      </div>
    </div>
  );
}
