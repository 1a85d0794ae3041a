import type { TUser } from "@arbiter/shared";
import Link from "next/link";
import { Badge, Logo } from "@/components/ui";
import { navFor, ROLE_LABEL } from "@/lib/roles";
import { AccountMenu } from "./account-menu";
import { NavLinks } from "./nav-links";
import styles from "./shell.module.css";
import type { Theme } from "./theme";
import { ThemeToggle } from "./theme-toggle";

export function AppShell({
  user,
  theme,
  children,
}: {
  user: TUser;
  theme: Theme;
  children: React.ReactNode;
}) {
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link href="/" className={styles.brand} aria-label="Arbiter home">
            <Logo />
            <span>Arbiter</span>
          </Link>
          <NavLinks entries={navFor(user.role)} />
          <div className={styles.user}>
            <span className={styles.roleBadge}>
              <Badge tone={user.role === "ANNOTATOR" ? "neutral" : "accent"}>{ROLE_LABEL[user.role]}</Badge>
            </span>
            <ThemeToggle initial={theme} />
            <AccountMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
