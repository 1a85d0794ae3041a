"use client";

import type { TUser } from "@arbiter/shared";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import styles from "./shell.module.css";
import { SignOutButton } from "./sign-out-button";

const initials = (name: string) =>
  name
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("") || "?";

/**
 * Account, API keys and sign-out behind one button, so they fit a phone's header as well
 * as a desktop's. A disclosure, not an ARIA menu: plain links and a button, reached by Tab;
 * Escape or a click elsewhere closes it.
 */
export function AccountMenu({ user }: { user: TUser }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation closes the menu
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className={styles.account} ref={box}>
      <button
        ref={trigger}
        type="button"
        className={styles.accountButton}
        aria-expanded={open}
        aria-controls={panelId}
        title={user.email}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-menu"
      >
        <span className={styles.avatar} aria-hidden>
          {initials(user.name)}
        </span>
        <span className={styles.userName}>{user.name}</span>
        <span className="visually-hidden">, account menu</span>
        <span className={styles.caret} aria-hidden>
          ▾
        </span>
      </button>
      <div id={panelId} className={styles.accountPanel} hidden={!open}>
        <div className={styles.accountWho}>
          <strong>{user.name}</strong>
          <span>{user.email}</span>
        </div>
        <Link href="/account" className={styles.accountLink}>
          Account and password
        </Link>
        {user.role === "ANNOTATOR" ? null : (
          <Link href="/account/api-keys" className={styles.accountLink}>
            API keys
          </Link>
        )}
        <div className={styles.accountFoot}>
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
