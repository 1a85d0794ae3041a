"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./generation.module.css";

const SECTIONS = [
  { path: "generators", label: "Generators" },
  { path: "runs", label: "Runs" },
  { path: "import", label: "Import" },
  { path: "items", label: "Items" },
  { path: "judgments", label: "Rationales" },
];

/** Tabs between the pages that take a project from prompts to items to judge. */
export function SectionNav({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label="Data and generation">
      {SECTIONS.map((s) => {
        const href = `/projects/${projectId}/${s.path}`;
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={s.path} href={href} className={styles.tab} aria-current={current ? "page" : undefined}>
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
