"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavEntry } from "@/lib/roles";
import styles from "./shell.module.css";

export function NavLinks({ entries }: { entries: NavEntry[] }) {
  const pathname = usePathname();
  return (
    <nav className={styles.nav} aria-label="Main">
      {entries.map((entry) => {
        const active = pathname === entry.href || pathname.startsWith(`${entry.href}/`);
        return (
          <Link
            key={entry.href}
            href={entry.href}
            className={styles.navLink}
            aria-current={active ? "page" : undefined}
          >
            {entry.label}
          </Link>
        );
      })}
    </nav>
  );
}
