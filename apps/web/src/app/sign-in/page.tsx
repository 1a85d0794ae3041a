import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { SignInForm } from "@/features/auth/sign-in-form";
import { homeFor } from "@/lib/roles";
import { currentUser } from "@/lib/server-api";

export const metadata: Metadata = { title: "Sign in" };

type Params = { next?: string | string[]; email?: string | string[]; joined?: string | string[] };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user.role));
  const params = await searchParams;
  const next = one(params.next);
  const email = one(params.email)?.slice(0, 320);
  // A fixed message, chosen by a flag: nothing from the URL is shown as text but the email.
  const joining = one(params.joined) === "invite";
  return (
    <div className={styles.page}>
      <div className={styles.panel}>
        <div className={styles.brand}>
          <Logo size={28} />
          Arbiter
        </div>
        <div className={styles.card}>
          <h1 className={styles.title}>{joining ? "Sign in to finish joining" : "Sign in"}</h1>
          {joining ? (
            <p className={styles.notice} role="status" data-testid="invite-pending">
              Your invitation is accepted. Sign in with this email and your password to join the pool.
            </p>
          ) : (
            <p className={styles.subtitle}>Compare answers, train better models.</p>
          )}
          <SignInForm next={next} email={email} />
        </div>
        <p className={styles.footer}>Accounts are created by your Arbiter administrator.</p>
      </div>
    </div>
  );
}
